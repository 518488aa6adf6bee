package dev.berth.engine.config;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.hcl.ConfigFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The root module: every file of a directory, decoded into its top-level objects. */
public record Config(Path dir, List<ConfigFile> files, Map<String, VariableConfig> variables,
                     Map<String, LocalConfig> locals, Map<String, OutputConfig> outputs,
                     Map<ResourceAddr, ResourceConfig> resources, List<MovedConfig> moved) {
    public Config {
        files = List.copyOf(files);
        variables = Map.copyOf(variables);
        locals = Map.copyOf(locals);
        outputs = Map.copyOf(outputs);
        resources = Map.copyOf(resources);
        moved = List.copyOf(moved);
    }
}
