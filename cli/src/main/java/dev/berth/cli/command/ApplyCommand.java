package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply", description = "Create or update infrastructure, or apply exactly a saved plan FILE.")
final class ApplyCommand extends WorkspaceCommand {
    @Mixin
    RunOptions opts;

    @Option(names = "-auto-approve", description = "Skip interactive approval of the plan before applying.")
    boolean autoApprove;

    @Option(names = "-json", description = "Print Terraform's machine-readable UI: one JSON message per line (needs -auto-approve or a plan FILE).")
    boolean json;

    @Mixin
    ModeOptions modes;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A plan saved with \"berth plan -out=FILE\".")
    String planFile;

    @Override
    int run(Workspace ws) {
        if (planFile != null) return new SavedPlanApply(this, ws, opts, planFile, json).run();
        Plan.Mode mode = modes.mode();
        return new ApplyFlow(this, ws, opts, mode, autoApprove, json).run();
    }
}
