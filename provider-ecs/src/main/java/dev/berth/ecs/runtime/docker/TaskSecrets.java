package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.secret.SecretException;
import dev.berth.ecs.secret.SecretResolver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The values of one task's secrets, read once before any of its containers is created (as ECS's
 * agent fetches them before it starts a task), so a missing secret stops the task with ECS's
 * reason and costs no cleanup. The values go into the containers' environment and nowhere else;
 * what the runtime reports back about a failed start (a container's last log lines) is cleared
 * of them.
 */
final class TaskSecrets {
    /** Shorter values are not hidden in messages: replacing "1" or "on" everywhere protects nothing. */
    private static final int MIN_HIDDEN = 4;
    static final String HIDDEN = "(sensitive value)";

    private final Map<String, Map<String, String>> byContainer;
    private final List<String> values;

    private TaskSecrets(Map<String, Map<String, String>> byContainer) {
        this.byContainer = byContainer;
        Set<String> all = new LinkedHashSet<>();
        byContainer.values().forEach(m -> m.values().stream().filter(v -> v.length() >= MIN_HIDDEN).forEach(all::add));
        List<String> sorted = new ArrayList<>(all);
        // Longest first, so a value that contains another is hidden whole.
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.values = List.copyOf(sorted);
    }

    static TaskSecrets resolve(TaskLaunch task, SecretResolver resolver) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (ContainerLaunch c : task.containers()) {
            if (c.secrets().isEmpty()) continue;
            Map<String, String> env = new TreeMap<>();
            for (Map.Entry<String, String> s : c.secrets().entrySet()) {
                try {
                    env.put(s.getKey(), resolver.resolve(s.getValue()));
                } catch (SecretException e) {
                    throw new RuntimeFailure(e.stoppedReason(), null);
                }
            }
            out.put(c.name(), env);
        }
        return new TaskSecrets(out);
    }

    /**
     * Puts the container's secrets into its environment. A variable of the same name set by
     * {@code environment} gives way, as on ECS, where a secret is set last.
     */
    void applyTo(CreateContainerCmd cmd, ContainerLaunch c) {
        EnvironmentOverride.apply(cmd, byContainer.get(c.name()));
    }

    String redact(String text) {
        if (text == null) return null;
        String out = text;
        for (String v : values) if (out.contains(v)) out = out.replace(v, HIDDEN);
        return out;
    }
}
