package dev.berth.ecs.api;

/**
 * An ECS API error: its name as AWS sends it (ClusterNotFoundException, ...) and its message.
 * Every caller shows both; the HTTP server sends them as the JSON protocol's {@code __type} and
 * {@code message}, so the AWS CLI prints "An error occurred (NAME) when calling the ACTION
 * operation: MESSAGE" as it does against AWS.
 */
public final class EcsException extends RuntimeException {
    public static final String CLIENT = "ClientException";
    public static final String INVALID_PARAMETER = "InvalidParameterException";
    public static final String CLUSTER_NOT_FOUND = "ClusterNotFoundException";
    public static final String SERVICE_NOT_FOUND = "ServiceNotFoundException";
    public static final String SERVICE_NOT_ACTIVE = "ServiceNotActiveException";
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";
    public static final String CLUSTER_CONTAINS_SERVICES = "ClusterContainsServicesException";
    public static final String CLUSTER_CONTAINS_INSTANCES = "ClusterContainsContainerInstancesException";
    public static final String CLUSTER_CONTAINS_TASKS = "ClusterContainsTasksException";
    public static final String LIMIT_EXCEEDED = "LimitExceededException";
    public static final String UNSUPPORTED_FEATURE = "UnsupportedFeatureException";
    public static final String SERVER = "ServerException";

    private final String errorName;

    public EcsException(String errorName, String message) {
        super(message, null, false, false);
        this.errorName = errorName;
    }

    public String errorName() {
        return errorName;
    }

    public static EcsException invalidParameter(String message) {
        return new EcsException(INVALID_PARAMETER, message);
    }

    public static EcsException client(String message) {
        return new EcsException(CLIENT, message);
    }

    /** ECS's text for a cluster that does not exist. */
    public static EcsException clusterNotFound() {
        return new EcsException(CLUSTER_NOT_FOUND, "Cluster not found.");
    }

    /** ECS's text for a service that does not exist. */
    public static EcsException serviceNotFound() {
        return new EcsException(SERVICE_NOT_FOUND, "Service not found.");
    }

    /** ECS's text for an update of a service that is being deleted or was deleted. */
    public static EcsException serviceNotActive() {
        return new EcsException(SERVICE_NOT_ACTIVE, "Service was not ACTIVE.");
    }

    /** The name and message as one line, the way berth prints an API error. */
    @Override
    public String toString() {
        return errorName + ": " + getMessage();
    }
}
