package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

@Command(name = "state", description = "Advanced state management.", subcommands = {StateCommand.ListCommand.class,
        StateShowCommand.class, StateRmCommand.class, StateMvCommand.class, StatePullCommand.class,
        StateHistoryCommand.class, StateRollbackCommand.class})
final class StateCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "List resources in the state, optionally only those matching the addresses.")
    static final class ListCommand extends WorkspaceCommand {
        @Parameters(paramLabel = "ADDRESS", arity = "0..*")
        List<String> filters = new ArrayList<>();

        @Override
        int run(Workspace ws) {
            if (!java.nio.file.Files.exists(ws.statePath())) {
                term.err().println("No state file was found at " + ws.statePath() + ".");
                return 1;
            }
            for (ResourceInstanceAddr addr : ws.store().read().resources().keySet()) {
                String a = addr.toString();
                if (filters.isEmpty() || filters.stream().anyMatch(f -> a.equals(f) || a.startsWith(f + "[")
                        || a.startsWith(f + "."))) {
                    term.out().println(a);
                }
            }
            return 0;
        }
    }
}
