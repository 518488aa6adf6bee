package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import dev.berth.ecs.runtime.LogLine;
import dev.berth.ecs.runtime.RuntimeFailure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a container's output back with the times Docker received it ({@code timestamps=true}
 * puts an RFC 3339 time before every line). Docker's {@code since} counts whole seconds, so the
 * caller gets the lines of that whole second and drops those it already has.
 */
final class ContainerOutput {
    private static final long WAIT_SECONDS = 60;

    private ContainerOutput() {
    }

    static List<LogLine> read(DockerClient client, DockerErrors errors, String containerId, Instant from) {
        List<LogLine> lines = new ArrayList<>();
        LogContainerCmd cmd = client.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                .withTimestamps(true);
        if (from != null) cmd = cmd.withSince((int) Math.max(1, from.getEpochSecond()));
        try (ResultCallback.Adapter<Frame> callback = cmd.exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (lines) {
                    add(lines, new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }
        })) {
            if (!callback.awaitCompletion(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new RuntimeFailure("Reading the output of container " + containerId + " took longer than "
                        + WAIT_SECONDS + " s.", null);
            }
        } catch (NotFoundException gone) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Reading the output of container " + containerId + " was interrupted.", e);
        } catch (IOException e) {
            throw new RuntimeFailure("Could not read the output of container " + containerId + ": " + e.getMessage(), e);
        } catch (RuntimeFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw errors.translate(e, "read the output of container " + containerId);
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** One frame is one message (a line, or a piece of a long one), each led by its time. */
    static void add(List<LogLine> lines, String payload) {
        for (String part : payload.split("\n", -1)) {
            if (part.isEmpty()) continue;
            int space = part.indexOf(' ');
            Instant time = null;
            if (space > 0) {
                try {
                    time = Instant.parse(part.substring(0, space));
                } catch (DateTimeParseException notATime) {
                    time = null;
                }
            }
            if (time != null) {
                lines.add(new LogLine(time, strip(part.substring(space + 1))));
            } else if (!lines.isEmpty()) {
                // A line that held a newline of its own: it keeps the time of the message it came in.
                lines.add(new LogLine(lines.get(lines.size() - 1).time(), strip(part)));
            }
        }
    }

    private static String strip(String text) {
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
