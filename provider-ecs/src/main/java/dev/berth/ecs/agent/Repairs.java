package dev.berth.ecs.agent;

import dev.berth.engine.state.LockInfo;

import java.util.List;
import java.util.Set;

/**
 * One repair pass of the agent's loop: bring services back to what they should run. Two kinds
 * serve it: {@link StateRepairer} for {@code berth agent} (a configuration's state under its run
 * lock) and the control plane's own for {@code berth server} (its services, no configuration).
 */
public interface Repairs {
    /** A service's tasks before and after the pass, and why it could not be repaired, if so. */
    record ServiceOutcome(String serviceArn, List<String> runningBefore, List<String> runningAfter,
                          String failure) {
    }

    /** LOCKED names the holder; otherwise the services converged. */
    record Result(LockInfo lockedBy, List<ServiceOutcome> services) {
        public boolean locked() {
            return lockedBy != null;
        }
    }

    /**
     * {@code serviceArns} are converged as they are; null means a resync: every service is read
     * and converged only when it does not run as desired (dead, missing, drifted or orphaned).
     */
    Result pass(Set<String> serviceArns);
}
