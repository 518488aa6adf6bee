/**
 * Services: one deployment path for FARGATE and EC2, and the {@code ecs_service} resource, a
 * client of {@link dev.berth.ecs.api.EcsApi} only (it never reaches the store or the deployer).
 *
 * <h2>Entry points for the control plane</h2>
 * <ul>
 *   <li>{@link dev.berth.ecs.service.Deployer#deploy(dev.berth.ecs.service.DeployRequest)}:
 *   CreateService and UpdateService. The request is the service's settings (cluster, task
 *   definition, desired count, launch type, placement, deployment configuration,
 *   force-new-deployment); the call records the service and deploys until it is steady or the
 *   deployment fails, and returns a {@link dev.berth.ecs.service.DeployResult} (STEADY, FAILED,
 *   ROLLED_BACK, or REJECTED with the field at fault).
 *   {@link dev.berth.ecs.service.Deployer#record(dev.berth.ecs.service.DeployRequest)} records the
 *   settings alone, for a rollout that runs behind the call.</li>
 *   <li>{@link dev.berth.ecs.service.PlacementPlanning}: the dry run of a deployment (berth's
 *   dryRun on CreateService and UpdateService), for plans.</li>
 *   <li>{@link dev.berth.ecs.service.Deployer#delete(String)}: DeleteService (stops every task).</li>
 *   <li>{@link dev.berth.ecs.service.Deployer#drain(dev.berth.ecs.store.InstanceRow)}: an instance
 *   set DRAINING moves its service tasks elsewhere.</li>
 * </ul>
 *
 * <h2>One algorithm</h2>
 * A deployment first clears what must not count (orphaned containers, tasks whose essential
 * container died, EC2 tasks on deregistered or disconnected instances), marks drifted tasks and,
 * with force-new-deployment, every running task for replacement, then asks the pure
 * {@link dev.berth.ecs.placement.Reconciler} for step after step over the cluster as recorded:
 * an EC2 service's container instances, or for FARGATE one instance standing for the account's
 * Fargate capacity on the local engine. Each step's starts go through the one
 * {@link dev.berth.ecs.task.TaskStarter}; failed starts are retried and counted against ECS's
 * circuit breaker threshold. The plan's preview walks the very same steps.
 */
package dev.berth.ecs.service;
