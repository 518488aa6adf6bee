package dev.berth.cli.view;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Terse builders for hand-made plans, and access to the golden files. */
final class Fixtures {

    static final Value UNKNOWN = Value.unknown();

    private Fixtures() {
    }

    static MapValue obj(Object... kv) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], v(kv[i + 1]));
        return new MapValue(m);
    }

    static Value list(Object... items) {
        return Value.list(Arrays.stream(items).map(Fixtures::v).toList());
    }

    static Value secret(Object v) {
        return Value.sensitive(v(v));
    }

    static Value v(Object o) {
        if (o == null) return Value.nil();
        if (o instanceof Value v) return v;
        if (o instanceof String s) return Value.of(s);
        if (o instanceof Integer n) return Value.of(n.longValue());
        if (o instanceof Long n) return Value.of(n);
        if (o instanceof Boolean b) return Value.of(b);
        throw new IllegalArgumentException(o.toString());
    }

    static ResourceInstanceAddr addr(String type, String name) {
        return ResourceInstanceAddr.of(type, name);
    }

    static ResourceInstanceAddr addr(String type, String name, int index) {
        return new ResourceAddr(type, name).instance(InstanceKey.of(index));
    }

    static ResourceInstanceAddr addr(String type, String name, String key) {
        return new ResourceAddr(type, name).instance(InstanceKey.of(key));
    }

    static ResourceChange change(ResourceInstanceAddr addr, Action action, MapValue before, MapValue after) {
        return change(addr, action, before, after, List.of(), ActionReason.NONE);
    }

    static ResourceChange change(ResourceInstanceAddr addr, Action action, MapValue before, MapValue after,
                                 List<List<Object>> replacePaths, ActionReason reason) {
        return new ResourceChange(addr, "registry.berth.dev/berth/ecs", action, before, after, replacePaths, reason);
    }

    static OutputChange output(String name, Action action, Object before, Object after) {
        return new OutputChange(name, action, before == null ? null : v(before), after == null ? null : v(after), false);
    }

    static Plan plan(Plan.Mode mode, List<ResourceChange> changes, List<OutputChange> outputs,
                     List<ResourceChange> drift) {
        return new Plan(mode, StateSnapshot.empty("lineage"), Map.of(), changes, outputs, drift);
    }

    static Plan plan(List<ResourceChange> changes, List<OutputChange> outputs) {
        return plan(Plan.Mode.NORMAL, changes, outputs, List.of());
    }

    static String golden(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) throw new IllegalStateException("missing golden file " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
