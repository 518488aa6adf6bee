package dev.berth.ecs.scheduler.query;

/** What a comparison looks at. registeredAt and agentVersion are not modelled, so not accepted. */
public enum Subject {
    ATTRIBUTE, TASK_GROUP, EC2_INSTANCE_ID, RUNNING_TASKS_COUNT, AGENT_CONNECTED;

    static final String EXPECTED =
            "a subject (attribute:NAME, task:group, ec2InstanceId, runningTasksCount, agentConnected)";

    /** Null when the word is not a subject. */
    static Subject of(String word) {
        if (word.startsWith("attribute:") && word.length() > "attribute:".length()) return ATTRIBUTE;
        return switch (word) {
            case "task:group" -> TASK_GROUP;
            case "ec2InstanceId" -> EC2_INSTANCE_ID;
            case "runningTasksCount" -> RUNNING_TASKS_COUNT;
            case "agentConnected" -> AGENT_CONNECTED;
            default -> null;
        };
    }

    /** Subjects whose answer changes as tasks are placed; the scheduler cannot cache them. */
    boolean dynamic() {
        return this == TASK_GROUP || this == RUNNING_TASKS_COUNT;
    }
}
