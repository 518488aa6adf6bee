package dev.berth.cli.command;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Options shared by plan, apply and destroy, with Terraform's spellings and defaults. */
final class RunOptions {
    @Mixin
    VariableOptions variables = new VariableOptions();

    @Option(names = "-target", paramLabel = "ADDRESS",
            description = "Limit planning and refresh to the given resource and what it depends on (with destroy: "
                    + "and what depends on it); repeatable.")
    List<String> targets = new ArrayList<>();

    @Option(names = "-replace", paramLabel = "ADDRESS",
            description = "Force replacement of the given resource instance; repeatable.")
    List<String> replace = new ArrayList<>();

    @Option(names = "-parallelism", paramLabel = "N", defaultValue = "10",
            description = "Limit the number of concurrent operations (default: 10).")
    int parallelism;

    @Option(names = "-lock", arity = "1", paramLabel = "BOOL", defaultValue = "true",
            description = "Hold the state lock during the operation (default: true).")
    boolean lock;

    @Option(names = "-lock-timeout", paramLabel = "DURATION", defaultValue = "0s",
            description = "How long to retry the state lock (e.g. 10s, 1m; default: 0s).")
    String lockTimeout;

    @Option(names = "-refresh", arity = "1", paramLabel = "BOOL", defaultValue = "true",
            description = "Refresh the state from the real world before planning (default: true).")
    boolean refresh;
}
