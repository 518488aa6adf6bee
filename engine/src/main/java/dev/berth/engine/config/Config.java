package dev.berth.engine.config;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.hcl.ConfigFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The root module: every file of a directory, decoded into its top-level objects; providers by name;
 * the {@code backend "pg"} block that puts its state in PostgreSQL, if any.
 */
public record Config(Path dir, List<ConfigFile> files, Map<String, VariableConfig> variables,
                     Map<String, LocalConfig> locals, Map<String, OutputConfig> outputs,
                     Map<ResourceAddr, ResourceConfig> resources, List<MovedConfig> moved,
                     Map<String, ProviderConfig> providers, java.util.Optional<BackendConfig> backend) {
    public Config {
        files = List.copyOf(files);
        variables = Map.copyOf(variables);
        locals = Map.copyOf(locals);
        outputs = Map.copyOf(outputs);
        resources = Map.copyOf(resources);
        moved = List.copyOf(moved);
        providers = Map.copyOf(providers);
        backend = java.util.Objects.requireNonNull(backend, "backend");
    }

    /** A configuration without a backend block: its state is the local SQLite file. */
    public Config(Path dir, List<ConfigFile> files, Map<String, VariableConfig> variables,
                  Map<String, LocalConfig> locals, Map<String, OutputConfig> outputs,
                  Map<ResourceAddr, ResourceConfig> resources, List<MovedConfig> moved,
                  Map<String, ProviderConfig> providers) {
        this(dir, files, variables, locals, outputs, resources, moved, providers, java.util.Optional.empty());
    }

    /** The settings of {@code provider "NAME"} (its default configuration, without alias), if the block is there. */
    public java.util.Optional<ProviderConfig> provider(String name) {
        return java.util.Optional.ofNullable(providers.get(name));
    }
}
