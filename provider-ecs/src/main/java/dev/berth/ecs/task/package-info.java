/**
 * Starting one task, for every caller: a service's deployment (FARGATE or EC2) and, through the
 * control plane, RunTask and StartTask.
 *
 * <p>Entry point: {@link dev.berth.ecs.task.TaskStarter#start(dev.berth.ecs.task.StartRequest)}.
 * The request is plain: cluster row, task definition row, the container instance the task was
 * placed on (null: FARGATE, the local engine), ECS's group and startedBy, and the service ARN when
 * the task belongs to one. Placement is decided before (the scheduler); the starter only runs the
 * containers and records the task and its reservation, each step written as it happens.
 *
 * <p>RunTask, in outline: snapshot the capacity ({@code ClusterView.snapshot(clusterArn)} for
 * EC2, {@code ClusterView.fargateSnapshot(clusterArn, deployer.fargateCpuUnits())} for FARGATE),
 * place {@code count} copies with {@code Scheduler.place} (group "family:FAMILY" unless given),
 * start each placement here (instance {@code null} when the placement's instance id is
 * {@code ClusterView.FARGATE}), and report an unplaced rest from the failure's rejections:
 * per instance its ARN and {@code Rejection.ecsReason()}. StartTask is the same with a snapshot
 * narrowed to the named instances.
 */
package dev.berth.ecs.task;
