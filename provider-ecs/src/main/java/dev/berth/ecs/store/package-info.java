/**
 * The control plane's tables and their rows: clusters, container instances, task definition
 * revisions, services and their settings, tasks, task placements, service events, client tokens.
 *
 * <p>Every row record lives here, beside the {@link dev.berth.ecs.store.Table} that stores it, so
 * feature packages (cluster, instance, taskdef, placement, service, agent) depend on the store and
 * never on each other for a row's shape. Rows are plain immutable records stored as JSON; their
 * field names are the stored format, so renaming a component needs a migration.
 */
package dev.berth.ecs.store;
