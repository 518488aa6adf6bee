package dev.berth.ecs.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;

import java.io.IOException;

/**
 * Reads how a container wants to be stopped: its stop signal (the image's STOPSIGNAL, copied
 * into the container's config) and its stop timeout (the task definition's stopTimeout, set at
 * create). docker-java's ContainerConfig model has neither field, so this asks the API directly.
 */
final class StopSignals {
    static final String DEFAULT = "SIGTERM";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;

    StopSignals(DockerHttpClient http) {
        this.http = http;
    }

    /** A container's stop signal, and its own grace in seconds (null: none of its own). */
    record Stop(String signal, Integer timeoutSeconds) {
    }

    /** The signal Docker's own stop would send; SIGTERM when unset or unreadable. */
    String of(String containerId) {
        return stop(containerId).signal();
    }

    /** The signal and grace Docker's own stop would use; SIGTERM and no grace of its own when unreadable. */
    Stop stop(String containerId) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + containerId + "/json")
                .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            if (response.getStatusCode() != 200) {
                return new Stop(DEFAULT, null);
            }
            JsonNode config = JSON.readTree(response.getBody()).path("Config");
            JsonNode signal = config.path("StopSignal");
            JsonNode timeout = config.path("StopTimeout");
            return new Stop(signal.isTextual() && !signal.asText().isBlank() ? signal.asText() : DEFAULT,
                    timeout.isIntegralNumber() ? Integer.valueOf(timeout.asInt()) : null);
        } catch (IOException | RuntimeException e) {
            // Only the signal's choice and the wait depend on this; the kill after the grace
            // period still stops the container.
            return new Stop(DEFAULT, null);
        }
    }
}
