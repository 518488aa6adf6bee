package dev.berth.cli.view.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.OutputConfig;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.config.VariableConfig;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Body;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.provider.ResourceSchema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.berth.cli.view.json.JsonDocs.NODES;

/**
 * The plan's {@code configuration}: providers, outputs, resources with their expressions, and
 * variables, as Terraform shows the root module. A sensitive variable's default is null.
 */
final class ConfigurationJson {
    private final Providers providers;
    private final ExpressionJson expressions;

    ConfigurationJson(Providers providers, Evaluator evaluator) {
        this.providers = providers;
        this.expressions = new ExpressionJson(evaluator);
    }

    ObjectNode of(Config config) {
        ObjectNode n = NODES.objectNode();
        ObjectNode providerConfig = n.putObject("provider_config");
        List<ResourceConfig> resources = new ArrayList<>(config.resources().values());
        // Terraform lists managed resources first, then data resources, each by type and name.
        resources.sort(Comparator.comparing((ResourceConfig rc) -> rc.addr().isData())
                .thenComparing(ResourceConfig::addr));
        for (ResourceConfig rc : resources) {
            providers.forAddr(rc.addr()).ifPresent(p -> providerConfig.putObject(p.name())
                    .put("name", p.name()).put("full_name", p.fullName()));
        }
        ObjectNode root = n.putObject("root_module");
        ObjectNode outputs = root.putObject("outputs");
        new TreeMap<>(config.outputs()).values().forEach(o -> outputs.set(o.name(), output(o)));
        ArrayNode res = root.putArray("resources");
        resources.forEach(rc -> res.add(resource(rc)));
        ObjectNode vars = root.putObject("variables");
        new TreeMap<>(config.variables()).values().forEach(v -> vars.set(v.name(), variable(v)));
        return n;
    }

    private ObjectNode output(OutputConfig o) {
        ObjectNode n = NODES.objectNode();
        if (o.sensitive()) n.put("sensitive", true);
        n.set("expression", expressions.of(o.value()));
        if (o.description() != null && !o.description().isEmpty()) n.put("description", o.description());
        return n;
    }

    private ObjectNode resource(ResourceConfig rc) {
        ObjectNode n = NODES.objectNode().put("address", rc.addr().toString()).put("mode", rc.addr().mode().json())
                .put("type", rc.addr().type()).put("name", rc.addr().name());
        providers.forAddr(rc.addr()).map(Provider::name).ifPresent(p -> n.put("provider_config_key", p));
        n.set("expressions", body(rc.body(), true));
        n.put("schema_version", providers.schema(rc.addr()).map(ResourceSchema::version).orElse(0));
        if (rc.count() != null) n.set("count_expression", expressions.of(rc.count()));
        if (rc.forEach() != null) n.set("for_each_expression", expressions.of(rc.forEach()));
        return n;
    }

    /** Attributes by name; nested blocks as arrays of their bodies, as Terraform nests them. */
    private ObjectNode body(Body body, boolean top) {
        Map<String, Object> sorted = new TreeMap<>();
        for (Attribute a : body.attributes()) {
            if (top && ResourceConfig.META_ARGUMENTS.contains(a.name())) continue;
            sorted.put(a.name(), expressions.of(a.expr()));
        }
        for (Block b : body.blocks()) {
            if (top && ResourceConfig.META_BLOCKS.contains(b.type())) continue;
            Object existing = sorted.get(b.type());
            ArrayNode arr = existing instanceof ArrayNode a ? a : NODES.arrayNode();
            arr.add(body(b.body(), false));
            sorted.put(b.type(), arr);
        }
        ObjectNode n = NODES.objectNode();
        sorted.forEach((k, v) -> n.set(k, (com.fasterxml.jackson.databind.JsonNode) v));
        return n;
    }

    private ObjectNode variable(VariableConfig v) {
        ObjectNode n = NODES.objectNode();
        if (v.defaultValue() != null) {
            if (v.sensitive()) n.putNull("default");
            else expressions.constant(v.defaultValue()).ifPresent(d -> n.set("default", d));
        }
        if (v.description() != null && !v.description().isEmpty()) n.put("description", v.description());
        if (v.sensitive()) n.put("sensitive", true);
        return n;
    }
}
