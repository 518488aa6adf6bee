package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads the last lines a container wrote, to explain why it stopped. */
final class ContainerLogs {
    private static final int MAX_CHARS = 400;

    private ContainerLogs() {
    }

    /**
     * The last {@code lines} lines of stdout and stderr joined with " / " so they fit in one
     * sentence; empty when there is no output or the logs cannot be read (the caller is already
     * reporting a failure and should not fail differently because of the logs).
     */
    static String tail(DockerClient client, String containerId, int lines) {
        StringBuilder raw = new StringBuilder();
        // Closing the callback ends the log stream even when the wait times out.
        try (ResultCallback.Adapter<Frame> callback = client.logContainerCmd(containerId).withStdOut(true)
                .withStdErr(true).withTail(lines).exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        synchronized (raw) {
                            raw.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }
                })) {
            callback.awaitCompletion(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            return "";
        }
        String text;
        synchronized (raw) {
            text = raw.toString();
        }
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                kept.add(line.strip());
            }
        }
        String joined = String.join(" / ", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
        return joined.length() > MAX_CHARS ? "..." + joined.substring(joined.length() - MAX_CHARS) : joined;
    }
}
