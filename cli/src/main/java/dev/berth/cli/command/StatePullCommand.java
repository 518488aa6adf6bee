package dev.berth.cli.command;

import dev.berth.cli.view.StateJson;
import dev.berth.cli.wiring.Workspace;
import picocli.CommandLine.Command;

@Command(name = "pull", description = "Print the state as JSON (sensitive values are null).")
final class StatePullCommand extends WorkspaceCommand {
    @Override
    int run(Workspace ws) {
        // Terraform prints nothing when there is no state; a read here would create an empty file.
        if (!ws.stateExists()) return 0;
        term.out().print(new StateJson(BerthCommand.VERSION).render(ws.store().read()));
        return 0;
    }
}
