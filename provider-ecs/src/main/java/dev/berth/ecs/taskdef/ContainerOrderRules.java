package dev.berth.ecs.taskdef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECS's registration rules for dependsOn, startTimeout and stopTimeout, as a pure function of
 * the containers. The wording is ECS's where ECS's is known ("Cannot depend on container +
 * 'x' because it does not exist", its stray "+" included, and "A dependency container with
 * SUCCESS or COMPLETE condition cannot be an essential container"); berth's own sentences
 * otherwise.
 */
public final class ContainerOrderRules {
    /** The bounds ECS sets on Fargate for both timeouts, in seconds. */
    public static final int MIN_TIMEOUT = 2, MAX_TIMEOUT = 120;

    /** One container as the rules see it. */
    public record Member(String name, boolean essential, boolean hasHealthCheck, ContainerOrder order) {
    }

    /** A broken rule: the container's index, the field it is about, and the sentence. */
    public record Problem(int container, String field, String message) {
    }

    private ContainerOrderRules() {
    }

    /** The rules over a task definition's containers, each problem pointing at its field. */
    static void report(ContainerSource src, List<ContainerDefinition> cs, boolean fargate,
                       List<dev.berth.engine.provider.ProviderDiagnostic> out) {
        for (ContainerDefinition c : cs) {
            // A value known only after apply is checked then.
            if (!c.known("dependsOn") || !c.known("startTimeout") || !c.known("stopTimeout") || !c.known("essential")
                    || !c.known("healthCheck") || !c.known("name")) return;
        }
        List<Member> members = new ArrayList<>();
        for (ContainerDefinition c : cs) {
            members.add(new Member(c.name(), c.effectiveEssential(), c.healthCheck() != null, ContainerOrder.of(c)));
        }
        for (Problem p : check(members, fargate)) {
            out.add(dev.berth.ecs.resource.Diags.error(p.message(), src.path(p.container(), p.field())));
        }
    }

    public static List<Problem> check(List<Member> members, boolean fargate) {
        List<Problem> out = new ArrayList<>();
        Map<String, Member> byName = new HashMap<>();
        for (Member m : members) if (m.name() != null) byName.putIfAbsent(m.name(), m);
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String label = m.name() == null ? "Container " + (i + 1) : "Container \"" + m.name() + "\"";
            for (ContainerOrder.Dependency d : m.order().dependsOn()) {
                if (d.containerName() == null || d.condition() == null) {
                    out.add(new Problem(i, "dependsOn", label + ": every dependsOn entry needs a containerName and a "
                            + "condition."));
                    continue;
                }
                Member target = byName.get(d.containerName());
                if (target == null) {
                    out.add(new Problem(i, "dependsOn", "Cannot depend on container + '" + d.containerName()
                            + "' because it does not exist"));
                    continue;
                }
                var condition = d.knownCondition();
                if (condition == null) {
                    out.add(new Problem(i, "dependsOn", label + ": dependsOn condition \"" + d.condition()
                            + "\" is not one of START, COMPLETE, SUCCESS, HEALTHY."));
                } else if (condition.awaitsExit() && target.essential()) {
                    out.add(new Problem(i, "dependsOn",
                            "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container"));
                } else if (condition == dev.berth.ecs.runtime.ContainerLifecycle.Condition.HEALTHY
                        && !target.hasHealthCheck()) {
                    out.add(new Problem(i, "dependsOn", label + " depends on container \"" + d.containerName()
                            + "\" with condition HEALTHY, but \"" + d.containerName() + "\" has no healthCheck."));
                }
            }
            timeout(out, i, label, "startTimeout", m.order().startTimeout(), fargate);
            timeout(out, i, label, "stopTimeout", m.order().stopTimeout(), fargate);
        }
        cycle(members).ifPresent(c -> out.add(new Problem(members.indexOf(byName.get(c.get(0))), "dependsOn",
                "The containers' dependsOn form a cycle (" + String.join(" -> ", c)
                        + "), so they can never start.")));
        return out;
    }

    private static void timeout(List<Problem> out, int i, String label, String field, Integer value, boolean fargate) {
        if (value == null) return;
        if (fargate && (value < MIN_TIMEOUT || value > MAX_TIMEOUT)) {
            out.add(new Problem(i, field, label + ": " + field + " " + value + " is not between " + MIN_TIMEOUT
                    + " and " + MAX_TIMEOUT + " seconds, the range ECS allows for FARGATE."));
        } else if (value < 0) {
            out.add(new Problem(i, field, label + ": " + field + " must not be negative."));
        }
    }

    /** The first cycle through known names, as a path that returns to its start; empty when none. */
    static java.util.Optional<List<String>> cycle(List<Member> members) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (Member m : members) {
            if (m.name() == null) continue;
            List<String> to = new ArrayList<>();
            for (ContainerOrder.Dependency d : m.order().dependsOn()) if (d.containerName() != null) to.add(d.containerName());
            edges.putIfAbsent(m.name(), to);
        }
        Map<String, Integer> state = new HashMap<>();
        for (String start : edges.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> found = visit(start, edges, state, path);
            if (found != null) return java.util.Optional.of(found);
        }
        return java.util.Optional.empty();
    }

    /** Depth-first: 1 on the path, 2 done; returns the cycle when it meets the path again. */
    private static List<String> visit(String node, Map<String, List<String>> edges, Map<String, Integer> state,
                                      List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) return null;
        if (s != null && s == 1) {
            List<String> c = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            c.add(node);
            return c;
        }
        if (!edges.containsKey(node)) return null;
        state.put(node, 1);
        path.add(node);
        for (String next : edges.get(node)) {
            List<String> found = visit(next, edges, state, path);
            if (found != null) return found;
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return null;
    }
}
