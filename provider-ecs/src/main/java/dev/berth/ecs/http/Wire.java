package dev.berth.ecs.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.EcsJson;

import java.util.Map;

/**
 * ECS's JSON protocol (awsJson1_1) as both ends of berth's HTTP link speak it: the target
 * header's prefix, the content type, and how an error travels. An error is HTTP 400 (500 for
 * ServerException, ECS's one fault) with {@code {"__type": NAME, "message": TEXT}} and the
 * {@code x-amzn-ErrorType} header; botocore reads {@code __type} and {@code message}, the
 * newer SDKs the header, so both are sent.
 */
final class Wire {
    static final String TARGET_HEADER = "X-Amz-Target";
    static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";
    static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    /**
     * How long the server took over a request, from its headers read to its answer ready (W3C Server
     * Timing, {@code berth;dur=MILLISECONDS}): a client measuring its calls can tell the server's
     * share from the wait for its own thread and the network (the load test reports both).
     */
    static final String SERVER_TIMING_HEADER = "Server-Timing";

    static final String UNKNOWN_OPERATION = "UnknownOperationException";
    static final String SERIALIZATION = "SerializationException";
    static final String TOO_LARGE = "RequestEntityTooLargeException";

    private Wire() {
    }

    /** The error body; {@link EcsApi}'s errors keep ECS's names. */
    record ErrorBody(String __type, String message) {
    }

    static String errorJson(String name, String message) {
        return EcsJson.write(new ErrorBody(name, message));
    }

    static int status(String errorName) {
        return switch (errorName) {
            case EcsException.SERVER -> 500;
            case TOO_LARGE -> 413;
            default -> 400;
        };
    }

    /**
     * The error a response carries, read as botocore reads it: {@code __type} (without a
     * "namespace#" prefix or a ":..." suffix) or else the header or the status, and
     * {@code message} or {@code Message}.
     */
    static EcsException errorOf(int status, Map<String, java.util.List<String>> headers, String body) {
        JsonNode json;
        try {
            json = EcsJson.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (java.io.IOException notJson) {
            json = EcsJson.MAPPER.createObjectNode().put("message", body);
        }
        String name = json.path("__type").asText(null);
        if (name == null) {
            name = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(ERROR_TYPE_HEADER))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(Integer.toString(status));
        }
        if (name.contains(":")) name = name.substring(0, name.indexOf(':'));
        if (name.contains("#")) name = name.substring(name.lastIndexOf('#') + 1);
        String message = json.hasNonNull("message") ? json.get("message").asText()
                : json.path("Message").asText("HTTP " + status + " with no message.");
        return new EcsException(name, message);
    }
}
