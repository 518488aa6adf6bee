package dev.berth.ecs.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * ECS's JSON 1.1 protocol as the AWS CLI sends it: a POST to the endpoint's root, the action in
 * {@code X-Amz-Target}, the request as a JSON body. Not signed: the load test's server runs
 * without {@code --credentials}, which accepts any signature or none.
 */
public final class EcsWire {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "AmazonEC2ContainerServiceV20141113.";

    /** A call that did not answer 200: the error's name (ECS's {@code __type}) and message. */
    static final class CallFailed extends RuntimeException {
        final String action;
        final String errorName;

        CallFailed(String action, String errorName, String message) {
            super(action + ": " + errorName + ": " + message);
            this.action = action;
            this.errorName = errorName;
        }
    }

    private final HttpClient http;
    private final URI endpoint;

    public EcsWire(String endpoint) {
        this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static ObjectNode body() {
        return JSON.createObjectNode();
    }

    /** The action's answer; throws {@link CallFailed} for an error answer or a broken connection. */
    JsonNode call(String action, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", TARGET + action)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CallFailed(action, "IOException", String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(action, "Interrupted", "interrupted");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            throw new CallFailed(action, "HTTP " + response.statusCode(), "not JSON: " + response.body());
        }
        if (response.statusCode() != 200) {
            String type = answer.path("__type").asText("HTTP " + response.statusCode());
            throw new CallFailed(action, type.substring(type.indexOf('#') + 1), answer.path("message").asText(""));
        }
        return answer;
    }
}
