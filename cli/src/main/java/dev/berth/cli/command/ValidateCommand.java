package dev.berth.cli.command;

import dev.berth.cli.view.ValidateJson;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.config.Config;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.run.RunHooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashSet;

@Command(name = "validate", description = "Check whether the configuration is valid.")
final class ValidateCommand extends WorkspaceCommand {
    @Option(names = "-json", description = "Print the result as machine-readable JSON.")
    boolean json;

    @Override
    int run(Workspace ws) {
        Diagnostics diags = new Diagnostics();
        Config config = ws.config(diags);
        if (!diags.hasErrors()) {
            diags.addAll(new Planner(ws.providersWithoutState(), ws.functions(), RunHooks.NONE).validate(config));
        }
        if (json) {
            // Terraform prints the JSON on stdout even when the configuration is invalid.
            term.out().print(new ValidateJson().render(new ArrayList<>(new LinkedHashSet<>(diags.list())), ws.sources()));
            return diags.hasErrors() ? 1 : 0;
        }
        if (diags.hasErrors()) return fail(diags.list(), ws);
        printDiagnostics(diags.list(), ws);
        term.out().println(term.boldGreen("Success!") + " The configuration is valid.");
        return 0;
    }
}
