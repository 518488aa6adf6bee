package dev.berth.ecs.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;

import java.io.IOException;

/**
 * Reads a container's stop signal (the image's STOPSIGNAL, copied into the container's config).
 * docker-java's ContainerConfig model has no StopSignal field, so this asks the API directly.
 */
final class StopSignals {
    static final String DEFAULT = "SIGTERM";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;

    StopSignals(DockerHttpClient http) {
        this.http = http;
    }

    /** The signal Docker's own stop would send; SIGTERM when unset or unreadable. */
    String of(String containerId) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + containerId + "/json")
                .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            if (response.getStatusCode() != 200) {
                return DEFAULT;
            }
            JsonNode signal = JSON.readTree(response.getBody()).path("Config").path("StopSignal");
            return signal.isTextual() && !signal.asText().isBlank() ? signal.asText() : DEFAULT;
        } catch (IOException | RuntimeException e) {
            // Only the signal's choice depends on this; the kill after the grace period still
            // stops the container.
            return DEFAULT;
        }
    }
}
