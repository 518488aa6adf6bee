package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.state.LockInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/**
 * Releases a run lock left behind by a run that crashed. The id must match, so a user cannot
 * break the lock of a run that started after they looked.
 */
@Command(name = "force-unlock", description = "Release a stuck lock on the state.")
final class ForceUnlockCommand extends WorkspaceCommand {
    @Parameters(paramLabel = "LOCK_ID")
    String lockId;

    @Option(names = "-force", description = "Don't ask for input for unlock confirmation.")
    boolean force;

    @Override
    int run(Workspace ws) {
        Addresses.requireState(ws);
        if (!force && !confirmed()) {
            throw new Errors.UserError("Force-unlock cancelled: only 'yes' confirms it.");
        }
        if (!ws.store().forceUnlock(lockId)) {
            Optional<LockInfo> holder = ws.store().lockHolder();
            throw new Errors.UserError("Failed to unlock state: the lock ID \"" + lockId + "\" does not match "
                    + holder.map(h -> "the current lock, held by " + h.who() + " (operation " + h.operation()
                    + ", lock ID " + h.id() + ", since " + h.created() + ").")
                    .orElse("any lock: the state is not locked."));
        }
        term.out().println(term.boldGreen("berth state has been successfully unlocked!"));
        term.out().println();
        term.out().println(term.green("The state has been unlocked, and berth commands should now be able to"));
        term.out().println(term.green("obtain a new lock on the state."));
        return 0;
    }

    private boolean confirmed() {
        return Confirmation.ask(term, "Do you really want to force-unlock?",
                "berth will remove the lock on the state.",
                "This will allow local berth commands to modify this state, even though it",
                "may still be in use. Only 'yes' will be accepted to confirm.");
    }
}
