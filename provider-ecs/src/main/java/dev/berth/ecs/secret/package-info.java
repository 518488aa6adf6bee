/**
 * berth's local secret store and the resolution of ECS's {@code valueFrom} references against it.
 *
 * <p>A container's {@code secrets [{name, valueFrom}]} (and a log configuration's
 * {@code secretOptions}) name a secret; its value lives only in the user's secret store
 * ({@link dev.berth.ecs.secret.SecretStore}, one owner-only SQLite file apart from the state and
 * the control plane) and is read at the last moment, when a container is created
 * ({@link dev.berth.ecs.secret.SecretResolver#resolve}). Plans, state, the control plane's store,
 * labels and messages only ever hold the reference. {@link dev.berth.ecs.secret.ValueFrom} reads a
 * reference: a plain NAME, a Secrets Manager ARN or an SSM parameter ARN whose last part is the
 * NAME. Errors ({@link dev.berth.ecs.secret.SecretException}) name the reference, never a value.
 */
package dev.berth.ecs.secret;
