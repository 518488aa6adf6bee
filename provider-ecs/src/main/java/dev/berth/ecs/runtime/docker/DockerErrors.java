package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.exception.DockerException;
import dev.berth.ecs.runtime.RuntimeFailure;

import java.io.IOException;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns docker-java exceptions into one-sentence {@link RuntimeFailure}s. docker-java messages
 * look like {@code Status 500: {"message":"..."}} and transport failures are bare
 * RuntimeExceptions around an IOException; neither is fit to show a user as is.
 */
final class DockerErrors {
    private static final Pattern DAEMON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    // dockerd says "Bind for 127.0.0.1:8080 failed: port is already allocated" when another
    // container holds the port, and "listen tcp4 127.0.0.1:8080: bind: address already in use"
    // when a non-Docker process does.
    private static final Pattern CONFLICT_PORT = Pattern.compile("(?:Bind for|listen tcp[46]?) \\[?[0-9a-fA-F.:]*\\]?:(\\d+)");
    private static final int MAX_REASON = 300;

    private final DockerConnection connection;

    DockerErrors(DockerConnection connection) {
        this.connection = connection;
    }

    String where() {
        return "the Docker engine at " + connection.endpoint();
    }

    RuntimeFailure.Unreachable unreachable(Throwable cause) {
        java.util.Optional<String> tls = connection.tls() ? TlsFailures.reason(cause) : java.util.Optional.empty();
        if (tls.isPresent()) {
            return new RuntimeFailure.Unreachable("TLS with the Docker engine at " + connection.endpoint() + " failed: "
                    + tls.get() + ".", cause);
        }
        if (connection.tls() && timedOut(cause)) {
            return new RuntimeFailure.Unreachable("The Docker engine at " + connection.endpoint()
                    + " did not answer in time; is something other than dockerd listening there?", cause);
        }
        return new RuntimeFailure.Unreachable("Cannot connect to the Docker engine at " + connection.endpoint()
                + " (" + connection.origin() + "); is dockerd running?", cause);
    }

    RuntimeFailure.ImageMissing imageMissing(String image) {
        return new RuntimeFailure.ImageMissing("Image \"" + image + "\" is not present on " + where()
                + "; build or load it first (berth never pulls).", image);
    }

    /**
     * The one place generic failures are phrased. {@code action} completes "refused to ...", e.g.
     * {@code "create network \"x\""}.
     */
    RuntimeFailure translate(RuntimeException e, String action) {
        if (e instanceof RuntimeFailure failure) {
            return failure;
        }
        if (isTransportFailure(e)) {
            return unreachable(e);
        }
        if (e instanceof DockerException de) {
            return new RuntimeFailure("The Docker engine at " + connection.endpoint() + " refused to " + action
                    + ": " + reason(de) + ".", e);
        }
        return new RuntimeFailure("Could not " + action + " on the Docker engine at " + connection.endpoint()
                + " (" + e.getClass().getSimpleName() + ").", e);
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) return true;
        }
        return false;
    }

    /** True when the request never got an HTTP answer: socket missing, refused, timed out. */
    static boolean isTransportFailure(Throwable e) {
        if (e instanceof DockerException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static boolean isPortConflict(Throwable e) {
        if (!(e instanceof DockerException de)) {
            return false;
        }
        String m = reason(de);
        return m.contains("port is already allocated") || m.contains("address already in use");
    }

    /** The host port dockerd names in a port conflict message, when it names one. */
    static OptionalInt conflictingHostPort(DockerException e) {
        Matcher m = CONFLICT_PORT.matcher(reason(e));
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** dockerd's own message, unwrapped from docker-java's "Status N: {json}" and kept short. */
    static String reason(DockerException e) {
        String raw = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = DAEMON_MESSAGE.matcher(raw);
        String text = m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : raw;
        text = text.replaceFirst("^Status \\d+:\\s*", "").replaceAll("\\s+", " ").trim();
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            text = "HTTP status " + e.getHttpStatus();
        }
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "..." : text;
    }
}
