package dev.berth.ecs.taskdef;

import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.taskdef.fields.HclFields;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.berth.ecs.schema.TaskDefinitionSchema.CONTAINER;
import static dev.berth.ecs.schema.TaskDefinitionSchema.CONTAINER_DEFINITIONS;

/**
 * Where a configuration's containers come from (the JSON string or the blocks), the containers
 * read from it, and how to point a diagnostic at one of their fields. Immutable; the canonical
 * JSON is worked out once per network-mode kind and kept with it.
 */
public final class ContainerSource {

    public enum Form { JSON, BLOCKS, NONE }

    private final Form form;
    private final List<ContainerDefinition> containers;
    private final boolean whollyKnown;
    private final List<ProviderDiagnostic> problems;
    /** {@link #canonical}'s answers, where host ports are the container ports and where they are not. */
    private volatile String samePorts, ownPorts;

    public ContainerSource(Form form, List<ContainerDefinition> containers, boolean whollyKnown,
                           List<ProviderDiagnostic> problems) {
        this.form = form;
        this.containers = containers == null ? null : List.copyOf(containers);
        this.whollyKnown = whollyKnown;
        this.problems = List.copyOf(problems);
    }

    public Form form() {
        return form;
    }

    /** The containers, or null when not yet known or unreadable. */
    public List<ContainerDefinition> containers() {
        return containers;
    }

    public boolean whollyKnown() {
        return whollyKnown;
    }

    public List<ProviderDiagnostic> problems() {
        return problems;
    }

    /**
     * The last answer on this thread, by the very values it read: validate and plan read the same
     * configuration's containers four times in a row (validator, secret forms, secret presence,
     * normaliser), and the answer depends on those two immutable values only.
     */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[3]);

    /** Reads the containers of a configuration; {@code containers} is null when not yet known. */
    public static ContainerSource of(MapValue config) {
        Value json = Attrs.raw(config, CONTAINER_DEFINITIONS);
        Value blocks = Attrs.raw(config, CONTAINER);
        Object[] last = LAST.get();
        if (last[2] != null && last[0] == json && last[1] == blocks) return (ContainerSource) last[2];
        ContainerSource read = read(json, blocks);
        last[0] = json;
        last[1] = blocks;
        last[2] = read;
        return read;
    }

    private static boolean hasBlocks(Value blocks) {
        return Attrs.isUnknown(blocks) || !Attrs.items(blocks).isEmpty();
    }

    private static ContainerSource read(Value json, Value blocks) {
        boolean hasBlocks = hasBlocks(blocks);
        List<ProviderDiagnostic> problems = new ArrayList<>();
        if (!json.isNull() && hasBlocks) {
            problems.add(Diags.error("Set the containers either as container_definitions or as container blocks, "
                    + "not both.", List.of(CONTAINER_DEFINITIONS)));
            return new ContainerSource(Form.NONE, null, false, problems);
        }
        if (!json.isNull()) {
            if (!json.isWhollyKnown()) return new ContainerSource(Form.JSON, null, false, problems);
            ContainerDefinitionsJson.Parsed parsed = ContainerDefinitionsJson.parse(Attrs.string(json));
            for (String e : parsed.errors()) problems.add(Diags.error(e, List.of(CONTAINER_DEFINITIONS)));
            for (String w : parsed.warnings()) problems.add(Diags.warning(w, List.of(CONTAINER_DEFINITIONS)));
            return new ContainerSource(Form.JSON, parsed.ok() ? parsed.containers() : null, true, problems);
        }
        if (hasBlocks) {
            if (Attrs.isUnknown(blocks)) return new ContainerSource(Form.BLOCKS, null, false, problems);
            ContainerBlocks.Read read = ContainerBlocks.read(Attrs.items(blocks));
            for (HclFields.BadNumber b : read.badNumbers()) {
                problems.add(Diags.error(b.value() + " is not a whole number.", b.path()));
            }
            for (String e : read.parsed().errors()) problems.add(Diags.error(e, List.of(CONTAINER)));
            boolean ok = read.badNumbers().isEmpty() && read.parsed().ok();
            return new ContainerSource(Form.BLOCKS, ok ? read.containers() : null, blocks.isWhollyKnown(), problems);
        }
        problems.add(Diags.error("A task definition needs containers: set container_definitions or add "
                + "container blocks.", List.of(CONTAINER_DEFINITIONS)));
        return new ContainerSource(Form.NONE, null, false, problems);
    }

    /** The canonical JSON in a task of {@code networkMode}, or null while containers are unknown or unreadable. */
    public String canonical(String networkMode) {
        if (containers == null || !whollyKnown) return null;
        boolean same = ContainerDefinitionsJson.samePorts(networkMode);
        String made = same ? samePorts : ownPorts;
        if (made == null) {
            made = ContainerDefinitionsJson.canonical(containers, networkMode);
            if (same) samePorts = made;
            else ownPorts = made;
        }
        return made;
    }

    /** The path of a container's field ({@code null} for the container itself), as config wrote it. */
    public List<Object> path(int container, String field) {
        if (form != Form.BLOCKS) return List.of(CONTAINER_DEFINITIONS);
        return field == null ? List.of(CONTAINER, container) : List.of(CONTAINER, container, snake(field));
    }

    public List<Object> portPath(int container, int port, String field) {
        if (form != Form.BLOCKS) return List.of(CONTAINER_DEFINITIONS);
        return List.of(CONTAINER, container, "port_mappings", port, snake(field));
    }

    /** The configuration attribute a container change is reported under. */
    public String attribute() {
        return form == Form.BLOCKS ? CONTAINER : CONTAINER_DEFINITIONS;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
