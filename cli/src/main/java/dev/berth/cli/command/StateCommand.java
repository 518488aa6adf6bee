package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.StateSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

@Command(name = "state", description = "Advanced state management.", subcommands = {StateCommand.ListCommand.class,
        StateShowCommand.class, StateRmCommand.class, StateMvCommand.class, StatePullCommand.class, StatePushCommand.class,
        StateHistoryCommand.class, StateRollbackCommand.class, StateMigrateCommand.class})
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
            if (!ws.stateExists()) {
                term.err().println("No state file was found at " + ws.stateLocation().name() + ".");
                return 1;
            }
            StateSnapshot state = ws.store().read();
            java.util.SortedSet<ResourceInstanceAddr> addrs = new java.util.TreeSet<>(state.resources().keySet());
            state.deposed().forEach(d -> addrs.add(d.addr()));
            for (ResourceInstanceAddr addr : addrs) {
                String a = addr.toString();
                if (!filters.isEmpty() && filters.stream().noneMatch(f -> a.equals(f) || a.startsWith(f + "[")
                        || a.startsWith(f + "."))) {
                    continue;
                }
                if (state.resources().containsKey(addr)) term.out().println(a);
                // Left behind by an interrupted create_before_destroy: shown so it is not a surprise in the next plan.
                for (DeposedObject d : state.deposed()) {
                    if (d.addr().equals(addr)) term.out().println(a + " (deposed object " + d.key() + ")");
                }
            }
            return 0;
        }
    }
}
