package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renames an instance, or a whole resource with all its instances, in the state: what a user
 * does after renaming a resource block, so the next plan does not destroy and recreate it.
 */
@Command(name = "mv", description = "Move an instance or a resource to another address in the state.")
final class StateMvCommand extends WorkspaceCommand {
    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Parameters(index = "1", paramLabel = "DESTINATION")
    String destination;

    @Option(names = "-dry-run", description = "Print what would be moved without moving it.")
    boolean dryRun;

    @Mixin
    LockOptions lockOpts;

    @Override
    int run(Workspace ws) {
        ResourceInstanceAddr from = Addresses.parse(source);
        ResourceInstanceAddr to = Addresses.parse(destination);
        if (!from.type().equals(to.type())) {
            throw new Errors.UserError("Invalid state move request: cannot move " + from + " to " + to
                    + ": resource types don't match.");
        }
        if (from.isData() != to.isData()) {
            throw new Errors.UserError("Invalid state move request: cannot move " + from + " to " + to
                    + ": a data resource and a managed resource cannot take each other's place.");
        }
        Addresses.requireState(ws);
        try (StateLock ignored = StateLock.take(ws.store(), lockOpts, "state mv", ws::notice)) {
            StateSnapshot state = ws.store().read();
            Map<ResourceInstanceAddr, ResourceInstanceAddr> moves = plan(state, from, to);
            for (var m : moves.entrySet()) {
                term.out().println((dryRun ? "Would move \"" : "Move \"") + m.getKey() + "\" to \"" + m.getValue() + "\"");
            }
            if (dryRun) {
                term.out().println("Would have moved " + moves.size() + " object(s).");
                return 0;
            }
            ws.store().commit(changes(state, moves, from, to), "state mv");
            term.out().println("Successfully moved " + moves.size() + " object(s).");
            return 0;
        }
    }

    /** Source instance to destination instance, refusing anything that would overwrite state. */
    private static Map<ResourceInstanceAddr, ResourceInstanceAddr> plan(StateSnapshot state, ResourceInstanceAddr from,
                                                                        ResourceInstanceAddr to) {
        List<ResourceInstanceAddr> found = Addresses.matching(state, from);
        if (found.isEmpty()) {
            throw new Errors.UserError("Invalid source address: no instance in the state matches " + from
                    + Addresses.whatExists(state));
        }
        Map<ResourceInstanceAddr, ResourceInstanceAddr> moves = new LinkedHashMap<>();
        boolean single = found.size() == 1 && (found.get(0).equals(from) || !(to.key() instanceof InstanceKey.None));
        if (single) {
            moves.put(found.get(0), to);
        } else if (!(to.key() instanceof InstanceKey.None)) {
            throw new Errors.UserError("Invalid destination address: " + from + " has " + found.size()
                    + " instances, so it can only move to a resource address without an index, not " + to + ".");
        } else {
            for (ResourceInstanceAddr a : found) moves.put(a, to.resource().instance(a.key()));
        }
        for (var m : moves.entrySet()) {
            if (m.getKey().equals(m.getValue())) {
                throw new Errors.UserError("Invalid state move request: " + m.getKey() + " is already at that address.");
            }
            if (state.resources().containsKey(m.getValue()) && !moves.containsKey(m.getValue())) {
                throw new Errors.UserError("Invalid state move request: cannot move " + m.getKey() + " to "
                        + m.getValue() + ": there is already a resource instance at that address in the state.");
            }
        }
        return moves;
    }

    private static List<StateChange> changes(StateSnapshot state, Map<ResourceInstanceAddr, ResourceInstanceAddr> moves,
                                             ResourceInstanceAddr from, ResourceInstanceAddr to) {
        List<StateChange> changes = new ArrayList<>();
        moves.keySet().forEach(a -> changes.add(new StateChange.RemoveResource(a)));
        moves.forEach((a, b) -> {
            ResourceState old = state.resources().get(a);
            changes.add(new StateChange.PutResource(new ResourceState(b, old.provider(), old.schemaVersion(),
                    old.attributes(), old.dependencies(), old.tainted())));
        });
        // When the whole resource moves, dependents must follow it: destroy ordering reads these names.
        boolean wholeResource = state.resources().keySet().stream()
                .filter(a -> a.resource().equals(from.resource())).allMatch(moves::containsKey);
        if (wholeResource && !from.resource().equals(to.resource())) {
            String oldName = from.resource().toString();
            for (ResourceState rs : state.resources().values()) {
                if (moves.containsKey(rs.addr()) || !rs.dependencies().contains(oldName)) continue;
                List<String> deps = rs.dependencies().stream().map(d -> d.equals(oldName) ? to.resource().toString() : d)
                        .distinct().sorted().toList();
                changes.add(new StateChange.PutResource(new ResourceState(rs.addr(), rs.provider(),
                        rs.schemaVersion(), rs.attributes(), deps, rs.tainted())));
            }
        }
        return changes;
    }
}
