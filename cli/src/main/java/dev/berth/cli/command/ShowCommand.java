package dev.berth.cli.command;

import dev.berth.cli.view.StateView;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.state.StateSnapshot;
import picocli.CommandLine.Command;

@Command(name = "show", description = "Show the current state.")
final class ShowCommand extends WorkspaceCommand {
    @Override
    int run(Workspace ws) {
        if (!java.nio.file.Files.exists(ws.statePath())) {
            term.out().println("No state.");
            return 0;
        }
        StateSnapshot s = ws.store().read();
        term.out().print(s.isEmpty() ? "The state file is empty. No resources are represented.\n"
                : new StateView(term.color()).render(s));
        return 0;
    }
}
