package dev.berth.ecs.service;

import java.util.List;

/**
 * How a deployment ended.
 *
 * @param status            STEADY: desired tasks of the revision run; FAILED: it stopped short
 *                          (start failures, nothing placeable, engine unreachable); ROLLED_BACK:
 *                          the circuit breaker returned to the last steady revision; REJECTED:
 *                          nothing was done (no such cluster or revision)
 * @param serviceArn        null only when REJECTED before the service could be named
 * @param taskDefinitionArn the revision the service now deploys (the rolled-back one after a rollback)
 * @param message           one sentence for the user; null when STEADY
 * @param failures          every distinct failure on the way, oldest first
 * @param field             for REJECTED: the request field at fault ("cluster", "taskDefinition", "desiredCount")
 */
public record DeployResult(Status status, String serviceArn, String taskDefinitionArn, String message,
                           List<String> failures, String field) {
    public enum Status { STEADY, FAILED, ROLLED_BACK, REJECTED }

    public DeployResult {
        failures = List.copyOf(failures);
    }

    static DeployResult rejected(String message, String field) {
        return new DeployResult(Status.REJECTED, null, null, message, List.of(), field);
    }

    public boolean steady() {
        return status == Status.STEADY;
    }
}
