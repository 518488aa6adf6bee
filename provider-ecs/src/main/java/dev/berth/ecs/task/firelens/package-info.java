/**
 * FireLens as ECS's agent wires it, in pure terms (no Docker here): the log router's
 * configuration file ({@link dev.berth.ecs.task.firelens.RouterConfig}, Fluent Bit or Fluentd
 * syntax, as the agent's generator writes it) and the changes to a task's launch that route the
 * {@code awsfirelens} containers through the router ({@link dev.berth.ecs.task.firelens.FirelensWiring}):
 * the router gets the socket directory at {@code /var/run} and its configuration file; every
 * container with {@code awsfirelens} gets Docker's {@code fluentd} driver with the tag
 * {@code <container>-firelens-<task id>}, {@code FLUENT_HOST}/{@code FLUENT_PORT}, and a START
 * dependency on the router. The Docker adapter only carries the result out: it makes the socket
 * volume, points {@code fluentd-address} at it and copies the configuration into the router.
 *
 * <p>Read from amazon-ecs-agent: {@code agent/taskresource/firelens/firelensconfig_unix.go}
 * (inputs, metadata filter, outputs), {@code agent/api/task/task.go} (bind mounts, dependencies,
 * secret log options) and {@code agent/engine/docker_task_engine.go} (the fluentd log config).
 */
package dev.berth.ecs.task.firelens;
