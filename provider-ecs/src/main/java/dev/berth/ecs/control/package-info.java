/**
 * The ECS control plane in this process, implementing {@link dev.berth.ecs.api.EcsApi}: the
 * world that configurations, {@code berth ecs} and {@code berth server} share.
 *
 * <p>Deployments: a CreateService or UpdateService records the service and then runs its
 * deployment in the same call until it settles (steady state) or fails (circuit breaker,
 * nothing placeable); the response describes the service as it then is. ECS returns at once
 * and deploys behind the call; berth's answer is slower but what a caller sees right after it
 * is what runs, which is what Terraform's wait_for_steady_state asks for and what an apply
 * needs to record. Between calls the agent (or {@code berth server}) keeps services at their
 * desired count.
 */
package dev.berth.ecs.control;
