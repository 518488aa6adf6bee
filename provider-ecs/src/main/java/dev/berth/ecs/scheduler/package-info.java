/**
 * Task placement for the EC2 launch type, as Amazon ECS does it; pure code, no Docker, no I/O.
 *
 * <h2>Decision</h2>
 * Tasks are placed one at a time. An instance is feasible when, in this fixed order: its agent is
 * connected; it is ACTIVE (DRAINING takes no new tasks); every constraint holds, in the order
 * given; the task's cpu and then memory fit (task-level sizes when set, else the container sums,
 * memoryReservation counting instead of memory when set); and every static host port is free on
 * the instance and on its Docker engine. Ports: bridge static host ports are held, dynamic ones
 * (hostPort 0 or unset) always fit; host mode holds each container port; awsvpc tasks get their
 * own ENI and network namespace and none publishes nothing, so neither holds host ports.
 *
 * <p>Feasible instances are ordered by the strategies lexicographically (a later strategy only
 * breaks ties of earlier ones), then by instance id: binpack = least remaining cpu/memory first;
 * spread = the field value with the fewest tasks of the group first (instances lacking the
 * attribute count as one value of their own); random = a per-decision order derived from the
 * seed. No strategy means ECS's service default: spread over availability zones, then over
 * instances. The chosen task is counted before the next decision.
 *
 * <h2>Reasons</h2>
 * The checks that decide are the checks that explain: {@code PreparedRequest.firstFailure} names
 * the first check an instance fails, placement uses it to choose, and when nothing fits each
 * instance's answer becomes its {@link dev.berth.ecs.scheduler.Rejection} with ECS's reason
 * (AGENT, ATTRIBUTE, RESOURCE:CPU, RESOURCE:MEMORY, RESOURCE:PORTS) for RunTask's failures; the "closest matching"
 * instance is the one that passed the most checks in the order above (ties: lowest id), and the
 * message is ECS's: "service web was unable to place a task because no container instance met all
 * of its requirements. The closest matching container-instance X has insufficient memory available."
 *
 * <h2>Scale-in</h2>
 * {@link dev.berth.ecs.scheduler.Scheduler#chooseTasksToStop}: ECS's documented service
 * default: the zone with the most tasks of the service, then the instance there with the most,
 * repeated with updated counts; newest task first on an instance; ties by zone name, instance id.
 *
 * <h2>Speed</h2>
 * {@link dev.berth.ecs.scheduler.LiveCluster} keeps every count a decision reads up to date
 * on each start and stop, and a rank index per recent request keeps candidates in strategy order;
 * the linear scan in {@code Ranking} is the reference the index is property-tested against.
 */
package dev.berth.ecs.scheduler;
