package dev.berth.ecs.scheduler;

/**
 * Why an instance could not take the task, as the check that rejected it recorded it. {@code checksPassed} counts the checks it passed before
 * failing this one, in the fixed order of {@link Reason}; the instance with the most is "closest".
 */
public record Rejection(String instanceId, Reason reason, String detail, int checksPassed) {

    /** The checks in the order they are applied: instance health, constraints, resources, ports. */
    public enum Reason { AGENT_DISCONNECTED, DRAINING, CONSTRAINT_NOT_MET, INSUFFICIENT_CPU, INSUFFICIENT_MEMORY, PORT_IN_USE }

    /**
     * ECS's failure reason, as RunTask and StartTask report it per container instance:
     * AGENT (agent disconnected), ATTRIBUTE (a placement constraint; the detail names it),
     * RESOURCE:CPU, RESOURCE:MEMORY, RESOURCE:PORTS. A DRAINING instance takes no tasks; ECS names
     * no reason for it, berth says DRAINING.
     */
    public String ecsReason() {
        return switch (reason) {
            case AGENT_DISCONNECTED -> "AGENT";
            case DRAINING -> "DRAINING";
            case CONSTRAINT_NOT_MET -> "ATTRIBUTE";
            case INSUFFICIENT_CPU -> "RESOURCE:CPU";
            case INSUFFICIENT_MEMORY -> "RESOURCE:MEMORY";
            case PORT_IN_USE -> "RESOURCE:PORTS";
        };
    }

    /** Short human text: "insufficient memory", "port 80/tcp in use", "constraint distinctInstance not met". */
    public String describe() {
        return switch (reason) {
            case AGENT_DISCONNECTED -> "agent disconnected";
            case DRAINING -> "draining";
            case CONSTRAINT_NOT_MET -> "constraint " + detail + " not met";
            case INSUFFICIENT_CPU -> "insufficient cpu";
            case INSUFFICIENT_MEMORY -> "insufficient memory";
            case PORT_IN_USE -> "port " + detail + " in use";
        };
    }

    /** The sentence ECS uses about the closest matching instance. */
    public String ecsSentence(String constraintError) {
        String who = "The closest matching container-instance " + shortId(instanceId);
        return switch (reason) {
            case AGENT_DISCONNECTED -> who + " has its container agent disconnected.";
            case DRAINING -> who + " is DRAINING and accepts no new tasks.";
            case CONSTRAINT_NOT_MET -> who + " encountered error \"" + constraintError + "\"";
            case INSUFFICIENT_CPU -> who + " has insufficient CPU units available.";
            case INSUFFICIENT_MEMORY -> who + " has insufficient memory available.";
            case PORT_IN_USE -> who + " is already using a port required by your task (" + detail + ").";
        };
    }

    /** ECS prints the id part of a container-instance ARN. */
    public static String shortId(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
