/**
 * The ECS control plane in this process, implementing {@link dev.berth.ecs.api.EcsApi}: the
 * world that configurations, {@code berth ecs} and {@code berth server} share.
 *
 * <p>Deployments: a CreateService or UpdateService records the service and its PRIMARY
 * deployment IN_PROGRESS; where it is rolled out is the one choice of {@link
 * dev.berth.ecs.control.Rollouts} made when the control plane is built. {@code berth server}
 * answers at once, as ECS does, and its service loop rolls the deployment out through {@link
 * dev.berth.ecs.control.ControlPlane#rollOut}; a control plane in the caller's process (an HCL
 * apply without endpoint, {@code berth ecs} without server) has nobody behind it, so it runs the
 * same deployment inside the call and answers COMPLETED or FAILED. Callers that need the outcome
 * (the HCL provider) wait through DescribeServices either way.
 *
 * <p>Dry runs (berth's {@code dryRun} on CreateService and UpdateService) preview placement
 * without recording anything, so a plan asks the control plane and stays pure.
 */
package dev.berth.ecs.control;
