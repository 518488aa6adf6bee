package dev.berth.cli.command;

import dev.berth.cli.view.HistoryView;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.state.StateDiff;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * Restores an earlier version as a new one. History is never rewritten, so a rollback can itself
 * be rolled back.
 */
@Command(name = "rollback", description = "Restore a kept version of the state as a new version.")
final class StateRollbackCommand extends WorkspaceCommand {
    @Parameters(paramLabel = "SERIAL")
    long serial;

    @Mixin
    LockOptions lockOpts;

    @Override
    int run(Workspace ws) {
        Addresses.requireState(ws);
        try (StateLock ignored = StateLock.take(ws.store(), lockOpts, "state rollback", ws::notice)) {
            List<StateVersion> versions = ws.store().history();
            if (versions.stream().noneMatch(v -> v.serial() == serial)) {
                throw new Errors.UserError("No state version " + serial + ": " + (versions.isEmpty()
                        ? "the state has no versions yet." : "the kept versions are " + versions.get(0).serial()
                        + ".." + versions.get(versions.size() - 1).serial() + " (see \"berth state history\")."));
            }
            StateSnapshot current = ws.store().read();
            StateDiff diff = StateDiff.between(current, ws.store().readAt(serial));
            if (diff.isEmpty()) {
                term.out().println("The state already matches serial " + serial + " (current serial "
                        + current.serial() + "); nothing to roll back.");
                return 0;
            }
            long newSerial = ws.store().commit(diff.changes(), "rollback to " + serial);
            term.out().print(new HistoryView().renderRollback(serial, newSerial, diff));
            return 0;
        }
    }
}
