package dev.berth.ecs.scheduler.query;

import java.util.function.Predicate;

/**
 * What a query may ask about one container instance. An interface rather than the instance record
 * so the scheduler can answer from its incremental counters without materialising task lists.
 */
public interface InstanceFacts {
    /** The attribute's value, or null when the instance does not have it. */
    String attribute(String name);

    String ec2InstanceId();

    boolean agentConnected();

    int runningTasksCount();

    /** Whether any task running on the instance has a group accepted by the test. */
    boolean anyTaskGroup(Predicate<String> test);
}
