package dev.berth.ecs.runtime.docker;

import java.util.LinkedHashMap;
import java.util.Map;

/** How berth names and labels the containers it creates, so it can find them again. */
final class ContainerNaming {
    static final String TASK_ARN_LABEL = "dev.berth.task-arn";
    static final String CONTAINER_NAME_LABEL = "dev.berth.container-name";

    // 12 hex characters of a random task id are what `docker ps` shows for ids, and collide
    // far too rarely to matter; a collision still fails cleanly as a name conflict.
    private static final int TASK_ID_CHARS = 12;

    private ContainerNaming() {
    }

    /** {@code berth-<taskid-short>-<name>}, restricted to what Docker accepts in names. */
    static String containerName(String taskArn, String containerName) {
        String taskId = taskArn.substring(taskArn.lastIndexOf('/') + 1).toLowerCase().replaceAll("[^a-z0-9]", "");
        if (taskId.isEmpty()) {
            taskId = Integer.toHexString(taskArn.hashCode());
        }
        if (taskId.length() > TASK_ID_CHARS) {
            taskId = taskId.substring(0, TASK_ID_CHARS);
        }
        String name = containerName.replaceAll("[^a-zA-Z0-9_.-]", "-");
        return "berth-" + taskId + "-" + name;
    }

    /**
     * The task's labels plus the container's own name. The task ARN label is always set because
     * {@code stopTask} finds containers by it, whatever the caller put in the task labels.
     */
    static Map<String, String> labels(Map<String, String> taskLabels, String taskArn, String containerName) {
        Map<String, String> labels = new LinkedHashMap<>(taskLabels);
        labels.put(TASK_ARN_LABEL, taskArn);
        labels.put(CONTAINER_NAME_LABEL, containerName);
        return labels;
    }

    /** Docker reports names with a leading slash ("/berth-..."); berth shows them without. */
    static String plainName(String dockerName) {
        return dockerName != null && dockerName.startsWith("/") ? dockerName.substring(1) : dockerName;
    }
}
