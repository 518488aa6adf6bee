package dev.berth.engine.run;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.LocalConfig;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.eval.Reference;
import dev.berth.engine.eval.Scope;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The values visible to expressions during one plan or apply. Resource instances are recorded
 * as they are planned or applied; locals are evaluated when referenced, so an apply always sees
 * the newest values of the resources they use (the configuration graph has already ruled out
 * cycles). Safe for the parallel walker.
 */
public final class RunScope implements Scope {
    private final Config config;
    private final Evaluator evaluator;
    private final Map<String, Value> variables;
    private final Map<ResourceAddr, ConcurrentSkipListMap<InstanceKey, Value>> instances = new ConcurrentHashMap<>();

    public RunScope(Config config, Evaluator evaluator, Map<String, Value> variables) {
        this.config = config;
        this.evaluator = evaluator;
        this.variables = Map.copyOf(variables);
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    public void putInstance(ResourceAddr addr, InstanceKey key, Value value) {
        instances.computeIfAbsent(addr, a -> new ConcurrentSkipListMap<>()).put(key, value);
    }

    public void removeInstance(ResourceAddr addr, InstanceKey key) {
        var m = instances.get(addr);
        if (m != null) m.remove(key);
    }

    /** A scope for evaluating one instance's arguments, where count.index or each.* are defined. */
    public Scope forInstance(InstanceKey key, Value eachValue) {
        return (ref, diags) -> switch (ref.kind()) {
            case "count" -> key instanceof InstanceKey.Index i && ref.name().equals("index") ? Value.of(i.value())
                    : invalid(ref, diags, "count.index is the only attribute of count");
            case "each" -> !(key instanceof InstanceKey.Key k) ? invalid(ref, diags, "each is only available with for_each")
                    : ref.name().equals("key") ? Value.of(k.value())
                    : ref.name().equals("value") ? eachValue
                    : invalid(ref, diags, "each has only the attributes key and value");
            default -> resolve(ref, diags);
        };
    }

    @Override
    public Value resolve(Reference ref, Diagnostics diags) {
        return switch (ref.kind()) {
            case "var" -> variables.getOrDefault(ref.name(), Value.unknown());
            case "local" -> local(ref, diags);
            case "resource" -> resource(ref, ResourceAddr.Mode.MANAGED);
            case "data" -> resource(ref, ResourceAddr.Mode.DATA);
            case "path" -> path(ref.name());
            default -> invalid(ref, diags, "\"" + ref.kind() + "\" is not available here");
        };
    }

    private Value local(Reference ref, Diagnostics diags) {
        LocalConfig l = config.locals().get(ref.name());
        return l == null ? Value.unknown() : evaluator.evaluate(l.expr(), this, diags);
    }

    /** A resource's value: its object, or a list (count) or map (for_each) of instance objects. */
    private Value resource(Reference ref, ResourceAddr.Mode mode) {
        ResourceAddr addr = addrOf(ref, mode);
        ResourceConfig rc = config.resources().get(addr);
        var found = instances.getOrDefault(addr, new ConcurrentSkipListMap<>());
        if (rc != null && rc.count() != null) return new ListValue(new ArrayList<>(found.values()));
        if (rc != null && rc.forEach() != null) {
            Map<String, Value> m = new TreeMap<>();
            found.forEach((k, v) -> m.put(((InstanceKey.Key) k).value(), v));
            return new MapValue(m);
        }
        Value single = found.get(InstanceKey.NONE);
        return single == null ? Value.unknown() : single;
    }

    /** The resource a {@code resource} or {@code data} reference names ({@code TYPE.NAME}). */
    public static ResourceAddr addrOf(Reference ref, ResourceAddr.Mode mode) {
        String[] parts = ref.name().split("\\.", 2);
        return new ResourceAddr(mode, parts[0], parts.length > 1 ? parts[1] : "");
    }

    /**
     * Terraform runs in the root module's directory (-chdir moves it there), so path.root and
     * path.module are "." and path.cwd is that directory, wherever berth itself was started.
     * Relative paths built from them are then resolved by file() and friends against the same
     * directory.
     */
    private Value path(String name) {
        return Value.of(name.equals("cwd") ? config.dir().toAbsolutePath().normalize().toString() : ".");
    }

    private static Value invalid(Reference ref, Diagnostics diags, String why) {
        diags.error("Invalid reference \"" + ref.text() + "\": " + why + ".", "", ref.range());
        return Value.unknown();
    }

    /** The instances recorded for a resource by key, as planned or applied so far. */
    public Map<InstanceKey, Value> instances(ResourceAddr addr) {
        return Map.copyOf(instances.getOrDefault(addr, new ConcurrentSkipListMap<>()));
    }

    /** The instances recorded for a resource, for tests and outputs. */
    public List<Value> instancesOf(ResourceAddr addr) {
        return List.copyOf(instances.getOrDefault(addr, new ConcurrentSkipListMap<>()).values());
    }
}
