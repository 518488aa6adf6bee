package dev.berth.cli.ecs.args;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a command line said: texts per input member (in the order the options were defined),
 * flags, and the CLI's own settings (output, endpoint-url, cli-input-json, ...).
 */
public record ParsedArgs(Map<String, List<String>> params, Map<String, Boolean> flags,
                         Map<String, List<String>> settings, boolean help) {
    public Optional<String> setting(String name) {
        List<String> v = settings.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    public boolean has(String name) {
        return settings.containsKey(name) || Boolean.TRUE.equals(flags.get(name));
    }
}
