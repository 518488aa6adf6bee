package dev.berth.ecs.service;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.ServiceCalls.Deployment;
import dev.berth.ecs.api.ServiceCalls.Service;

import java.time.Duration;
import java.util.Optional;

/**
 * Waits for a service's rollout as terraform-provider-aws's wait_for_steady_state does: polls
 * DescribeServices until the PRIMARY deployment is no longer IN_PROGRESS. A control plane in this
 * process answers CreateService and UpdateService once the rollout has ended, so the first look
 * is the last; {@code berth server} rolls out behind the call, and this is where apply waits.
 */
final class SteadyStateWait {
    private final Duration poll;
    private final Duration timeout;

    SteadyStateWait(Duration poll, Duration timeout) {
        this.poll = poll;
        this.timeout = timeout;
    }

    /** Polls every second for up to 20 minutes, terraform-provider-aws's default service timeout. */
    static SteadyStateWait standard() {
        return new SteadyStateWait(Duration.ofSeconds(1), Duration.ofMinutes(20));
    }

    /** The service once its rollout ended (COMPLETED or FAILED). */
    Service await(ServiceReads reads, Service s) {
        long end = System.nanoTime() + timeout.toNanos();
        Service now = s;
        while (inProgress(now)) {
            if (System.nanoTime() > end) {
                throw new EcsException(EcsException.SERVER, "Service " + s.serviceName() + " did not reach a steady "
                        + "state within " + timeout.toMinutes() + " minutes; its deployment is still IN_PROGRESS.");
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EcsException(EcsException.SERVER, "Interrupted while waiting for service "
                        + s.serviceName() + " to reach a steady state.");
            }
            Optional<Service> again = reads.describe(s.serviceArn());
            if (again.isEmpty()) {
                throw EcsException.serviceNotFound();
            }
            now = again.get();
        }
        return now;
    }

    private static boolean inProgress(Service s) {
        if (s.deployments() == null || s.deployments().isEmpty()) return false;
        Deployment primary = s.deployments().get(0);
        return "IN_PROGRESS".equals(primary.rolloutState());
    }
}
