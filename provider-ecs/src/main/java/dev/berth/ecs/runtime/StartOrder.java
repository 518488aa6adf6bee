package dev.berth.ecs.runtime;

import dev.berth.ecs.runtime.ContainerLifecycle.Condition;
import dev.berth.ecs.runtime.ContainerLifecycle.Dependency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which containers of a task may start now, given what the others have reached: ECS's
 * container agent's ordering rules as a pure function, so the one task starter only carries
 * out its answers. A container starts once every dependency holds: START once the dependency
 * has started, COMPLETE once it has exited, SUCCESS once it has exited with 0, HEALTHY once its
 * health check passes. A dependency that cannot hold any more (SUCCESS but a non-zero exit,
 * HEALTHY but exited) or that has not held within the dependency's start timeout (counted from
 * its start, as the agent counts it; an unhealthy dependency may still turn healthy until then)
 * means the waiting container never starts. An essential container that never starts, or
 * that exits while the task starts, fails the task; a non-essential one is left behind.
 */
public final class StartOrder {
    /** ECS_CONTAINER_START_TIMEOUT's default on Linux, used when a dependency sets no startTimeout. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);

    /** A container of the task, in definition order. */
    public record Member(String name, boolean essential, ContainerLifecycle lifecycle) {
        public Member {
            lifecycle = lifecycle == null ? ContainerLifecycle.NONE : lifecycle;
        }
    }

    /** Where a container is: not started yet, running, exited, or never to start. */
    public enum Phase { WAITING, RUNNING, EXITED, ABANDONED }

    /** A running container's Docker health: none configured, starting, healthy or unhealthy. */
    public enum Health { NONE, STARTING, HEALTHY, UNHEALTHY }

    /** What the engine shows of one container; {@code startedAt} is when it started (null before). */
    public record Seen(Phase phase, Health health, Integer exitCode, Instant startedAt) {
        public static final Seen WAITING = new Seen(Phase.WAITING, Health.NONE, null, null);
    }

    /** A container that will never start, with the agent's reason. */
    public record Blocked(String container, String reason) {
    }

    /**
     * What to do now: containers to start, containers that will never start, and, when the task
     * cannot start, why ({@code exited} names an essential container that exited; {@code failed}
     * an essential container that can never start).
     */
    public record Step(List<String> start, List<Blocked> blocked, String exited, Blocked failed) {
        public Step {
            start = List.copyOf(start);
            blocked = List.copyOf(blocked);
        }

        public boolean taskFails() {
            return exited != null || failed != null;
        }
    }

    private StartOrder() {
    }

    /**
     * The next step for a task whose containers are {@code members} and were last seen as
     * {@code seen} (a container absent from it has not started), at {@code now}.
     */
    public static Step next(List<Member> members, Map<String, Seen> seen, Instant now) {
        Map<String, Member> byName = new HashMap<>();
        for (Member m : members) byName.put(m.name(), m);
        for (Member m : members) {
            if (m.essential() && phase(seen, m.name()) == Phase.EXITED) {
                return new Step(List.of(), List.of(), m.name(), null);
            }
        }
        List<String> start = new ArrayList<>();
        List<Blocked> blocked = new ArrayList<>();
        boolean progressPossible = false;
        for (Member m : members) {
            if (phase(seen, m.name()) != Phase.WAITING) continue;
            Verdict v = Verdict.READY;
            String reason = null;
            for (Dependency d : m.lifecycle().dependsOn()) {
                Member target = byName.get(d.containerName());
                Seen s = seen.getOrDefault(d.containerName(), Seen.WAITING);
                Verdict dv = target == null ? Verdict.NEVER : judge(d.condition(), s, timeout(target), now);
                if (dv == Verdict.NEVER || dv == Verdict.TIMED_OUT) {
                    v = Verdict.NEVER;
                    reason = reason(d, m.name(), s, dv);
                    break;
                }
                if (dv == Verdict.WAIT) {
                    v = Verdict.WAIT;
                    if (s.phase() == Phase.RUNNING) progressPossible = true;
                }
            }
            if (v == Verdict.READY) start.add(m.name());
            else if (v == Verdict.NEVER) blocked.add(new Blocked(m.name(), reason));
        }
        if (start.isEmpty() && blocked.isEmpty() && !progressPossible) {
            // Everything left waits on containers that wait themselves: nothing can ever move.
            for (Member m : members) {
                if (phase(seen, m.name()) == Phase.WAITING) {
                    blocked.add(new Blocked(m.name(), "dependency graph: failed to resolve the container ordering "
                            + "dependencies of target [" + m.name() + "]"));
                }
            }
        }
        for (Blocked b : blocked) {
            if (byName.get(b.container()).essential()) return new Step(List.of(), blocked, null, b);
        }
        return new Step(start, blocked, null, null);
    }

    /** Whether every container has started or will never start. */
    public static boolean settled(List<Member> members, Map<String, Seen> seen) {
        return members.stream().noneMatch(m -> phase(seen, m.name()) == Phase.WAITING);
    }

    private enum Verdict { READY, WAIT, NEVER, TIMED_OUT }

    private static Verdict judge(Condition condition, Seen s, Duration timeout, Instant now) {
        Phase p = s.phase();
        Verdict held = switch (condition) {
            case START -> p == Phase.RUNNING || p == Phase.EXITED ? Verdict.READY
                    : p == Phase.ABANDONED ? Verdict.NEVER : Verdict.WAIT;
            case COMPLETE -> p == Phase.EXITED || p == Phase.ABANDONED ? Verdict.READY : Verdict.WAIT;
            case SUCCESS -> p == Phase.EXITED ? (Integer.valueOf(0).equals(s.exitCode()) ? Verdict.READY : Verdict.NEVER)
                    : p == Phase.ABANDONED ? Verdict.NEVER : Verdict.WAIT;
            case HEALTHY -> p == Phase.RUNNING && s.health() == Health.HEALTHY ? Verdict.READY
                    : p == Phase.EXITED || p == Phase.ABANDONED ? Verdict.NEVER : Verdict.WAIT;
        };
        // Only a dependency that has started and not stopped can time out, and START never does.
        if (held == Verdict.WAIT && condition != Condition.START && p == Phase.RUNNING && s.startedAt() != null
                && now.isAfter(s.startedAt().plus(timeout))) {
            return Verdict.TIMED_OUT;
        }
        return held;
    }

    private static String reason(Dependency d, String target, Seen s, Verdict v) {
        String dep = "[" + d.containerName() + "]", tgt = "[" + target + "]";
        if (v == Verdict.TIMED_OUT) {
            return "dependency graph: container ordering dependency " + dep + " for target " + tgt + " has timed out.";
        }
        if (d.condition() == Condition.SUCCESS && s.phase() == Phase.EXITED) {
            return "dependency graph: failed to resolve container ordering dependency " + dep + " for target " + tgt
                    + " as dependency did not exit successfully.";
        }
        return "dependency graph: failed to resolve the container ordering dependency " + dep + " for target " + tgt;
    }

    private static Duration timeout(Member m) {
        Integer t = m.lifecycle().startTimeoutSeconds();
        return t == null || t <= 0 ? DEFAULT_START_TIMEOUT : Duration.ofSeconds(t);
    }

    private static Phase phase(Map<String, Seen> seen, String name) {
        Seen s = seen.get(name);
        return s == null ? Phase.WAITING : s.phase();
    }

    /**
     * The container whose network namespace the others of an awsvpc task join (its index):
     * one that must run from the start to the end of the task. That is the first container, in
     * definition order, that waits for nothing and that nobody waits to exit; when every such
     * container is awaited to exit (an init container), the first container in start order that
     * nobody waits to exit, so init containers run before it in namespaces of their own.
     */
    public static int namespaceOwner(List<Member> members) {
        Set<String> awaitedExit = new HashSet<>();
        for (Member m : members) {
            for (Dependency d : m.lifecycle().dependsOn()) if (d.condition().awaitsExit()) awaitedExit.add(d.containerName());
        }
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (m.lifecycle().dependsOn().isEmpty() && !awaitedExit.contains(m.name())) return i;
        }
        List<Integer> order = topological(members);
        for (int i : order) if (!awaitedExit.contains(members.get(i).name())) return i;
        return 0;
    }

    /** The names of the containers {@code name} waits for, directly or through others. */
    public static Set<String> ancestors(List<Member> members, String name) {
        Map<String, Member> byName = new HashMap<>();
        for (Member m : members) byName.put(m.name(), m);
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(name));
        while (!todo.isEmpty()) {
            Member m = byName.get(todo.remove(todo.size() - 1));
            if (m == null) continue;
            for (Dependency d : m.lifecycle().dependsOn()) if (out.add(d.containerName())) todo.add(d.containerName());
        }
        return out;
    }

    /**
     * The members with the start order an awsvpc namespace needs: every container but the
     * owner and those it waits for joins the owner's namespace, so it waits for the owner to
     * start (which cannot make a cycle: nothing the owner waits for waits for it).
     */
    public static List<Member> joiningNamespace(List<Member> members, int owner) {
        String ownerName = members.get(owner).name();
        Set<String> before = ancestors(members, ownerName);
        List<Member> out = new ArrayList<>();
        for (Member m : members) {
            boolean joins = !m.name().equals(ownerName) && !before.contains(m.name());
            boolean alreadyWaits = m.lifecycle().dependsOn().stream().anyMatch(d -> d.containerName().equals(ownerName));
            if (!joins || alreadyWaits) {
                out.add(m);
                continue;
            }
            List<Dependency> deps = new ArrayList<>(m.lifecycle().dependsOn());
            deps.add(new Dependency(ownerName, Condition.START));
            ContainerLifecycle l = m.lifecycle();
            out.add(new Member(m.name(), m.essential(),
                    new ContainerLifecycle(deps, l.startTimeoutSeconds(), l.stopTimeoutSeconds())));
        }
        return out;
    }

    /**
     * The containers in an order that starts every one after those it waits for, earlier
     * definitions first among the ready ones (Kahn's algorithm); one that is part of a cycle or
     * waits for an unknown name is left out.
     */
    public static List<Integer> topological(List<Member> members) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < members.size(); i++) index.put(members.get(i).name(), i);
        List<Integer> order = new ArrayList<>();
        boolean[] done = new boolean[members.size()];
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int i = 0; i < members.size(); i++) {
                if (done[i]) continue;
                boolean ready = true;
                for (Dependency d : members.get(i).lifecycle().dependsOn()) {
                    Integer j = index.get(d.containerName());
                    if (j == null || !done[j]) {
                        ready = false;
                        break;
                    }
                }
                if (ready) {
                    done[i] = true;
                    order.add(i);
                    moved = true;
                    break;
                }
            }
        }
        return order;
    }
}
