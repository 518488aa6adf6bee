package dev.berth.cli.command;

import dev.berth.engine.plan.Plan;
import picocli.CommandLine.Option;

/** -destroy and -refresh-only, which plan and apply share: together they choose the plan's mode. */
final class ModeOptions {
    @Option(names = "-destroy", description = "Plan to destroy every object in the state.")
    boolean destroy;

    @Option(names = "-refresh-only", description = "Only record changes made outside berth; propose no actions.")
    boolean refreshOnly;

    Plan.Mode mode() {
        return destroy ? Plan.Mode.DESTROY : refreshOnly ? Plan.Mode.REFRESH_ONLY : Plan.Mode.NORMAL;
    }
}
