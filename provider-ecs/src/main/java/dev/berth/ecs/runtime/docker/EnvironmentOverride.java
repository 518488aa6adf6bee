package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets variables on a container's create request over what it already has: a variable of the same
 * name gives way, as ECS's agent sets its own variables (metadata, secrets) after the definition's.
 */
final class EnvironmentOverride {
    private EnvironmentOverride() {
    }

    static void apply(CreateContainerCmd cmd, Map<String, String> values) {
        if (values == null || values.isEmpty()) return;
        List<String> env = new ArrayList<>();
        if (cmd.getEnv() != null) {
            for (String e : cmd.getEnv()) {
                int eq = e.indexOf('=');
                if (!values.containsKey(eq < 0 ? e : e.substring(0, eq))) env.add(e);
            }
        }
        values.forEach((k, v) -> env.add(k + "=" + v));
        cmd.withEnv(env);
    }
}
