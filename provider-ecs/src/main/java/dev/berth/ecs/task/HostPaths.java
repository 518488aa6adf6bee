package dev.berth.ecs.task;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a bound host path really is on the engine's host, as the kernel finds it when Docker binds
 * it: each symlink on the way followed (its target read relative to where it lies), and ".." taken
 * from what was reached, not from the text. A part that does not exist yet is kept as written
 * (Docker makes it a directory), and a chain of more than 40 links stops where it is (the bind
 * then fails as the kernel's lookup does).
 *
 * <p>Only an engine on this machine can be looked at: a unix socket, or TCP on a loopback
 * address. For an engine on another host berth cannot see that host's files, so its paths are
 * judged as written ({@link #on}).
 */
final class HostPaths {
    private static final int MAX_LINKS = 40;

    private HostPaths() {
    }

    /** How to resolve bound paths for the engine at {@code endpoint}: the real path here, or the text for a remote host. */
    static UnaryOperator<String> on(String endpoint) {
        return local(endpoint) ? HostPaths::real : UnaryOperator.identity();
    }

    static boolean local(String endpoint) {
        if (endpoint == null || endpoint.isBlank() || endpoint.startsWith("unix://")) return true;
        try {
            String host = URI.create(endpoint).getHost();
            return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                    || host.equals("::1"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The real path of {@code path} on this machine; see the class comment. */
    static String real(String path) {
        Deque<String> todo = new ArrayDeque<>(parts(path));
        Path at = Path.of("/");
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.pollFirst();
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (at.getParent() != null) at = at.getParent();
                continue;
            }
            Path next = at.resolve(part);
            if (!Files.isSymbolicLink(next)) {
                at = next;
                continue;
            }
            if (++links > MAX_LINKS) return next.toString();
            Path target;
            try {
                target = Files.readSymbolicLink(next);
            } catch (IOException | UnsupportedOperationException e) {
                at = next;
                continue;
            }
            if (target.isAbsolute()) at = Path.of("/");
            List<String> more = parts(target.toString());
            for (int i = more.size() - 1; i >= 0; i--) todo.addFirst(more.get(i));
        }
        return at.toString();
    }

    private static List<String> parts(String path) {
        return List.of(path.split("/"));
    }
}
