package dev.berth.ecs.control;

import java.util.function.Consumer;

/**
 * Where CreateService and UpdateService roll their deployment out, chosen once when a control
 * plane is made. Inline, the call deploys until the rollout settles or fails and answers with
 * COMPLETED or FAILED: what a control plane in the caller's process does, since nobody runs
 * behind it (an HCL apply without endpoint, {@code berth ecs} without server). Behind the call,
 * as ECS does: the call records the service with its PRIMARY deployment IN_PROGRESS, answers at
 * once, and a service loop ({@code berth server}'s) rolls it out through
 * {@link ControlPlane#rollOut}, the same deployment path, told by {@link #requested}. Either way
 * one algorithm deploys; only the moment differs.
 */
public final class Rollouts {
    private final boolean inline;
    private volatile Consumer<String> loop = arn -> { };

    private Rollouts(boolean inline) {
        this.inline = inline;
    }

    public static Rollouts inline() {
        return new Rollouts(true);
    }

    /** Deployments run behind the call; {@link #whenRequested} names who runs them. */
    public static Rollouts behindTheCall() {
        return new Rollouts(false);
    }

    /**
     * {@code loop} is told each service whose rollout a call asked for. Until one listens, the
     * loop's first resync finds every deployment still IN_PROGRESS, so none is lost.
     */
    public void whenRequested(Consumer<String> loop) {
        this.loop = loop;
    }

    boolean deploysInline() {
        return inline;
    }

    void requested(String serviceArn) {
        loop.accept(serviceArn);
    }
}
