package dev.berth.engine.config;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.hcl.ConfigFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The root module: every file of a directory, decoded into its top-level objects; providers by name. */
public record Config(Path dir, List<ConfigFile> files, Map<String, VariableConfig> variables,
                     Map<String, LocalConfig> locals, Map<String, OutputConfig> outputs,
                     Map<ResourceAddr, ResourceConfig> resources, List<MovedConfig> moved,
                     Map<String, ProviderConfig> providers) {
    public Config {
        files = List.copyOf(files);
        variables = Map.copyOf(variables);
        locals = Map.copyOf(locals);
        outputs = Map.copyOf(outputs);
        resources = Map.copyOf(resources);
        moved = List.copyOf(moved);
        providers = Map.copyOf(providers);
    }

    /** The settings of {@code provider "NAME"} (its default configuration, without alias), if the block is there. */
    public java.util.Optional<ProviderConfig> provider(String name) {
        return java.util.Optional.ofNullable(providers.get(name));
    }
}
