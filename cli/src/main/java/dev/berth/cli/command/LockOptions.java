package dev.berth.cli.command;

import picocli.CommandLine.Option;

/** The lock flags of the state commands that write without planning (state rm, mv, rollback). */
final class LockOptions {
    @Option(names = "-lock", arity = "1", paramLabel = "BOOL", defaultValue = "true",
            description = "Hold the state lock during the operation (default: true).")
    boolean lock;

    @Option(names = "-lock-timeout", paramLabel = "DURATION", defaultValue = "0s",
            description = "How long to retry the state lock (e.g. 10s, 1m; default: 0s).")
    String lockTimeout;
}
