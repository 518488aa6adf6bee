package dev.berth.cli.command;

import dev.berth.cli.view.HistoryView;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.state.StateVersion;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "history", description = "List the kept versions of the state, oldest first.")
final class StateHistoryCommand extends WorkspaceCommand {
    @Override
    int run(Workspace ws) {
        Addresses.requireState(ws);
        List<StateVersion> versions = ws.store().history();
        if (versions.isEmpty()) {
            term.out().println("The state has no versions yet.");
            return 0;
        }
        term.out().print(new HistoryView().render(versions));
        return 0;
    }
}
