package dev.berth.cli.command;

import dev.berth.cli.wiring.StateLocation;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.state.SqlStateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.Optional;

/**
 * Moves the whole state (every version, its history, lineage, serial and unsettled create
 * intents) to another store: from a state file to PostgreSQL or back, or between two schemas.
 * Both states are locked while it runs; the target must hold no version yet. The source is left
 * as it was, so a migration can be checked before the configuration is pointed at the new place.
 */
@Command(name = "migrate", description = "Copy the whole state, with its history, to a PostgreSQL URL or a state file.")
final class StateMigrateCommand extends WorkspaceCommand {
    @Option(names = "-to", required = true, paramLabel = "URL|PATH",
            description = "Where to: a postgres:// URL or a state file path (relative to the working directory).")
    String to;

    @Option(names = "-to-schema", paramLabel = "NAME",
            description = "The target's schema when -to is a URL (default: PG_SCHEMA_NAME, else terraform_remote_state).")
    String toSchema;

    @Mixin
    LockOptions lockOpts;

    @Override
    int run(Workspace ws) {
        Addresses.requireState(ws);
        Map<String, String> env = ((BerthCommand) spec.root().userObject()).env();
        StateLocation target = StateLocation.of(to, dir(), Optional.ofNullable(toSchema), env);
        if (target.equals(ws.stateLocation())) {
            throw new Errors.UserError("Nothing to migrate: -to names the state itself (" + target.name() + ").");
        }
        SqlStateStore source = ws.sqlStore();
        try (SqlStateStore into = target.open();
             StateLock ignored = StateLock.take(source, lockOpts, "state migrate", ws::notice);
             StateLock alsoIgnored = StateLock.take(into, lockOpts, "state migrate", ws::notice)) {
            long versions = source.copyTo(into);
            StateSnapshot copied = into.read();
            term.out().println("Migrated " + versions + (versions == 1 ? " version" : " versions") + " of the state"
                    + " (serial " + copied.serial() + ", lineage " + copied.lineage() + ", "
                    + copied.resources().size() + (copied.resources().size() == 1 ? " resource" : " resources")
                    + ") from " + source.where() + " to " + into.where() + ".");
            term.out().println("The source is unchanged. Point the configuration at the new state (backend \"pg\" or"
                    + " -state) to use it.");
            return 0;
        }
    }
}
