package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "destroy", description = "Destroy previously-created infrastructure.")
final class DestroyCommand extends WorkspaceCommand {
    @Mixin
    RunOptions opts;

    @Option(names = "-auto-approve", description = "Skip interactive approval before destroying.")
    boolean autoApprove;

    @Option(names = "-json", description = "Print Terraform's machine-readable UI: one JSON message per line (needs -auto-approve or a plan FILE).")
    boolean json;

    @Override
    int run(Workspace ws) {
        return new ApplyFlow(this, ws, opts, Plan.Mode.DESTROY, autoApprove, json).run();
    }
}
