package dev.berth.ecs.instance;

import dev.berth.ecs.store.InstanceRow;
import java.util.List;

/**
 * What ECS's service scheduler does when an instance turns DRAINING: replaces the service tasks
 * on it elsewhere. Implemented on the service side; returns one message per problem.
 */
@FunctionalInterface
public interface Drainer {
    List<String> drain(InstanceRow instance);
}
