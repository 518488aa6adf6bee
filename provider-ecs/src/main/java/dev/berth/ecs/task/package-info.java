/**
 * Starting one task, for every caller: a service's deployment (FARGATE or EC2) and, through the
 * control plane, RunTask and StartTask.
 *
 * <p>Entry point: {@link dev.berth.ecs.task.TaskStarter#start(dev.berth.ecs.task.StartRequest)}.
 * The request is plain: cluster row, task definition row, the container instance the task was
 * placed on (null: FARGATE, the local engine), ECS's group and startedBy, and the service ARN when
 * the task belongs to one. Placement is decided before (the scheduler); the starter only runs the
 * containers and records the task and its reservation, each step written as it happens.
 */
package dev.berth.ecs.task;
