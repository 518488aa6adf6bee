package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Forgets instances without destroying them: the real objects keep running, unmanaged. */
@Command(name = "rm", description = "Remove instances from the state without destroying them.")
final class StateRmCommand extends WorkspaceCommand {
    @Parameters(paramLabel = "ADDRESS", arity = "1..*")
    List<String> addresses = new ArrayList<>();

    @Option(names = "-dry-run", description = "Print what would be removed without removing it.")
    boolean dryRun;

    @Mixin
    LockOptions lockOpts;

    @Override
    int run(Workspace ws) {
        List<ResourceInstanceAddr> wanted = addresses.stream().map(Addresses::parse).toList();
        Addresses.requireState(ws);
        try (StateLock ignored = StateLock.take(ws.store(), lockOpts, "state rm", ws::notice)) {
            // Read under the lock, so nothing can add or remove instances between the check and the commit.
            StateSnapshot state = ws.store().read();
            Set<ResourceInstanceAddr> found = new LinkedHashSet<>();
            for (ResourceInstanceAddr addr : wanted) {
                List<ResourceInstanceAddr> m = Addresses.matchingWithDeposed(state, addr);
                if (m.isEmpty()) {
                    throw new Errors.UserError("Invalid target address: no instance in the state matches " + addr
                            + Addresses.whatExists(state));
                }
                found.addAll(m);
            }
            List<StateChange> changes = new ArrayList<>();
            for (ResourceInstanceAddr addr : found) {
                term.out().println((dryRun ? "Would remove " : "Removed ") + addr);
                if (state.resources().containsKey(addr)) changes.add(new StateChange.RemoveResource(addr));
                // Terraform forgets an instance with every object it has, deposed ones included.
                state.deposed().stream().filter(d -> d.addr().equals(addr))
                        .forEach(d -> changes.add(new StateChange.RemoveDeposed(addr, d.key())));
            }
            if (dryRun) {
                term.out().println("Would have removed " + found.size() + " resource instance(s).");
                return 0;
            }
            ws.store().commit(changes, "state rm");
            term.out().println("Successfully removed " + found.size() + " resource instance(s).");
            return 0;
        }
    }
}
