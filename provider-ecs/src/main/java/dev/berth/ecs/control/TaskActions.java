package dev.berth.ecs.control;

import dev.berth.ecs.api.TaskCalls;
import dev.berth.ecs.api.EcsException;

/** The control plane's Task actions. Not written yet: every action says so in ECS's terms. */
final class TaskActions implements TaskCalls {
    @Override
    public RunTaskResponse runTask(RunTaskRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "RunTask is not supported by this control plane yet.");
    }

    @Override
    public StartTaskResponse startTask(StartTaskRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "StartTask is not supported by this control plane yet.");
    }

    @Override
    public StopTaskResponse stopTask(StopTaskRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "StopTask is not supported by this control plane yet.");
    }

    @Override
    public ListTasksResponse listTasks(ListTasksRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "ListTasks is not supported by this control plane yet.");
    }

    @Override
    public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "DescribeTasks is not supported by this control plane yet.");
    }

}
