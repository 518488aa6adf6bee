package dev.berth.cli.view.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.VariableConfig;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.value.MapValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import static dev.berth.cli.view.json.JsonDocs.NODES;

/**
 * Terraform's JSON plan representation (format 1.2), for {@code show -json FILE} (as in
 * Terraform, {@code plan -json} streams UI messages instead). Keys and shapes follow Terraform 1.11 with two deliberate differences:
 * a sensitive value is never printed, so wherever Terraform would print one in clear
 * ({@code variables}, {@code before}/{@code after}, {@code values}, {@code prior_state},
 * variable defaults, outputs) berth prints null and the matching {@code *_sensitive} or
 * {@code sensitive_values} marker says that something was hidden; and {@code resource_drift},
 * {@code resource_changes} and {@code output_changes} are always present, empty when nothing
 * changed, rather than left out. {@code relevant_attributes} is always empty: berth does not
 * track which attributes contributed to the plan.
 */
public final class PlanJson {
    public static final String FORMAT_VERSION = "1.2";
    private final String version;
    private final Providers providers;
    private final ConfigurationJson configuration;

    public PlanJson(String berthVersion, Providers providers, Evaluator evaluator) {
        this.version = berthVersion;
        this.providers = providers;
        this.configuration = new ConfigurationJson(providers, evaluator);
    }

    public ObjectNode document(Plan plan, Config config, Instant timestamp) {
        ObjectNode doc = NODES.objectNode().put("format_version", FORMAT_VERSION).put("terraform_version", version);
        doc.set("variables", variables(plan, config));
        doc.set("planned_values", plannedValues(plan));
        ArrayNode drift = doc.putArray("resource_drift");
        plan.drift().stream().filter(c -> c.action() != Action.NO_OP || c.moved()).forEach(c -> drift.add(ChangeJson.resource(c)));
        ArrayNode changes = doc.putArray("resource_changes");
        plan.resourceChanges().forEach(c -> changes.add(ChangeJson.resource(c)));
        ObjectNode outputs = doc.putObject("output_changes");
        sortedOutputs(plan).forEach((name, c) -> outputs.set(name, ChangeJson.output(c)));
        ObjectNode prior = NODES.objectNode().put("format_version", StateJson.FORMAT_VERSION)
                .put("terraform_version", version);
        prior.set("values", new StateJson(version).values(plan.priorState()));
        doc.set("prior_state", prior);
        doc.set("configuration", configuration.of(config));
        doc.putArray("relevant_attributes");
        doc.put("timestamp", timestamp.truncatedTo(ChronoUnit.SECONDS).toString());
        doc.put("applyable", applyable(plan));
        doc.put("complete", true);
        doc.put("errored", false);
        return doc;
    }

    private static ObjectNode variables(Plan plan, Config config) {
        ObjectNode n = NODES.objectNode();
        new TreeMap<>(plan.variables()).forEach((name, v) -> {
            VariableConfig vc = config.variables().get(name);
            boolean hidden = vc != null && vc.sensitive();
            n.putObject(name).set("value", hidden ? NODES.nullNode() : Markings.plainOrNull(v));
        });
        return n;
    }

    private ObjectNode plannedValues(Plan plan) {
        ObjectNode n = NODES.objectNode();
        ObjectNode outputs = n.putObject("outputs");
        sortedOutputs(plan).forEach((name, c) -> {
            if (c.action() == Action.DELETE || c.after() == null) return;
            ObjectNode o = outputs.putObject(name).put("sensitive", c.sensitive());
            if (c.after().isWhollyKnown()) {
                o.set("value", c.sensitive() ? NODES.nullNode() : Markings.plainOrNull(c.after()));
                o.set("type", Markings.type(c.after()));
            }
        });
        ArrayNode resources = n.putObject("root_module").putArray("resources");
        if (plan.mode() == Plan.Mode.REFRESH_ONLY) {
            // Nothing is planned to change, so the planned values are the refreshed state.
            for (ResourceState rs : plan.priorState().resources().values()) {
                resources.add(planned(rs.addr(), rs.provider(), rs.schemaVersion(), rs.attributes()));
            }
            return n;
        }
        for (ResourceChange c : plan.resourceChanges()) {
            if (c.action() == Action.DELETE || c.after() == null) continue;
            int schema = providers.schema(c.addr().resource()).map(ResourceSchema::version).orElse(0);
            resources.add(planned(c.addr(), c.provider(), schema, c.after()));
        }
        return n;
    }

    private static ObjectNode planned(dev.berth.engine.addrs.ResourceInstanceAddr addr, String provider, int schema,
                                      MapValue values) {
        ObjectNode r = JsonDocs.instance(addr).put("provider_name", provider).put("schema_version", schema);
        r.set("values", Markings.plainOrNull(values));
        r.set("sensitive_values", Markings.sensitive(values));
        return r;
    }

    private static Map<String, OutputChange> sortedOutputs(Plan plan) {
        Map<String, OutputChange> out = new TreeMap<>();
        plan.outputChanges().forEach(c -> out.put(c.name(), c));
        return out;
    }

    /** Whether applying would do anything; an empty plan is not worth applying. */
    private static boolean applyable(Plan plan) {
        if (plan.mode() == Plan.Mode.REFRESH_ONLY) return plan.hasDriftToRecord();
        return plan.hasResourceChanges() || plan.outputChanges().stream().anyMatch(c -> c.action() != Action.NO_OP);
    }
}
