package dev.berth.cli.view.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.view.Money;
import dev.berth.ecs.cost.RunningCost;
import dev.berth.engine.cost.CostEstimate;
import dev.berth.engine.provider.CostRequests.Rate;

import java.math.BigDecimal;

import static dev.berth.cli.view.json.JsonDocs.NODES;

/**
 * {@code berth cost -json}: what runs now, as one document. Amounts are exact decimal strings in
 * US dollars (as in a plan's {@code cost} object); durations are whole seconds.
 */
public final class RunningCostJson {
    private RunningCostJson() {
    }

    public static ObjectNode of(RunningCost rc, String world) {
        ObjectNode doc = NODES.objectNode().put("world", world).put("prices", rc.prices()).put("at", rc.at().toString())
                .put("currency", "USD").put("hours_per_month", CostEstimate.HOURS_PER_MONTH.intValue())
                .put("hourly", Money.exact(rc.perHour()))
                .put("monthly", Money.exact(rc.perHour().multiply(CostEstimate.HOURS_PER_MONTH)))
                .put("so_far", Money.exact(rc.soFar()));
        ArrayNode clusters = doc.putArray("clusters");
        for (RunningCost.Cluster c : rc.clusters()) {
            ObjectNode cn = clusters.addObject().put("name", c.name());
            ArrayNode groups = cn.putArray("groups");
            for (RunningCost.Group g : c.groups()) {
                ObjectNode gn = groups.addObject().put("group", g.name()).put("hourly", Money.exact(g.perHour()))
                        .put("so_far", Money.exact(g.soFar()));
                ArrayNode tasks = gn.putArray("tasks");
                for (RunningCost.Task t : g.tasks()) {
                    ObjectNode tn = tasks.addObject().put("id", t.id()).put("launch_type", t.launchType())
                            .put("running_seconds", t.ran().getSeconds());
                    if (t.sizing().known()) {
                        tn.put("vcpu", Money.exact(t.sizing().shape().vcpu())).put("gb", Money.exact(t.sizing().shape().gb()))
                                .put("cpu_architecture", t.sizing().shape().arch().name());
                    }
                    rate(tn, t.rate(), t.soFar());
                }
            }
            ArrayNode instances = cn.putArray("instances");
            for (RunningCost.Instance i : c.instances()) {
                ObjectNode in = instances.addObject().put("id", i.id()).put("instance_type", i.instanceType())
                        .put("status", i.status()).put("up_seconds", i.up().getSeconds());
                rate(in, i.rate(), i.soFar());
            }
        }
        return doc;
    }

    private static void rate(ObjectNode n, Rate r, BigDecimal soFar) {
        n.put("hourly", r.known() ? Money.exact(r.perHour()) : null);
        n.put("so_far", r.known() ? Money.exact(soFar) : null);
        if (!r.known()) n.put("unpriced", r.unpriced());
    }
}
