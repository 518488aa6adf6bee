package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.config.Config;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.run.RunHooks;
import picocli.CommandLine.Command;

@Command(name = "validate", description = "Check whether the configuration is valid.")
final class ValidateCommand extends WorkspaceCommand {
    @Override
    int run(Workspace ws) {
        Diagnostics diags = new Diagnostics();
        Config config = ws.config(diags);
        if (!diags.hasErrors()) {
            diags.addAll(new Planner(ws.providersWithoutState(), ws.functions(), RunHooks.NONE).validate(config));
        }
        if (diags.hasErrors()) return fail(diags.list(), ws);
        printDiagnostics(diags.list(), ws);
        term.out().println(term.boldGreen("Success!") + " The configuration is valid.");
        return 0;
    }
}
