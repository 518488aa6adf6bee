package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.HostPort;
import dev.berth.ecs.scheduler.model.InstanceStatus;
import dev.berth.ecs.scheduler.model.TaskSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A request compiled against one live cluster: demand as numbers, port keys, and the checks that
 * never change while tasks come and go (agent, status, constraints on attributes) evaluated once.
 */
public final class PreparedRequest {
    /** The instance fits now. */
    static final int FITS = 0;
    /** It does not fit now but might later: a constraint on task:group or runningTasksCount. */
    static final int NOT_NOW = 1;
    /**
     * It cannot fit until a task stops on it: starting tasks only consumes cpu, memory and ports
     * and only adds group members, so a failed resource, port or distinctInstance check stays
     * failed. The rank index drops such instances instead of stepping over them every time.
     */
    static final int UNTIL_A_STOP = 2;
    /** It never fits: static checks failed. */
    static final int NEVER = 3;

    final PlacementRequest request;
    final String group;
    final int cpu;
    final int memory;
    final int[] portKeys;
    final List<Strategy> strategies;
    /** Every instance that passes the checks that never change (agent, status, attribute constraints). */
    final boolean[] staticPass;
    private final Constraint[] constraints;
    /** Per constraint: decided once per instance (an attribute query), not by the tasks that run. */
    private final boolean[] staticConstraint;
    /** Per instance: the number of its first failed check that never changes, or {@link #NONE}. */
    private final int[] firstStatic;
    private final String signature;
    private final LiveCluster cluster;
    private RankIndex index;

    /** No check failed. */
    static final int NONE = Integer.MAX_VALUE;

    PreparedRequest(LiveCluster cluster, PlacementRequest request, String signature) {
        this.cluster = cluster;
        this.request = request;
        this.signature = signature;
        TaskSpec task = request.task();
        group = request.group();
        cpu = task.cpu();
        memory = task.memory();
        portKeys = task.staticHostPorts().stream().mapToInt(HostPort::key).toArray();
        strategies = request.effectiveStrategies();
        // The task definition's own constraints bind as the request's do (ECS applies both).
        List<Constraint> all = new ArrayList<>(request.constraints());
        for (String expression : task.memberOf()) all.add(Constraint.memberOf(expression));
        constraints = all.toArray(new Constraint[0]);
        staticConstraint = new boolean[constraints.length];
        for (int j = 0; j < constraints.length; j++) {
            staticConstraint[j] = constraints[j] instanceof Constraint.MemberOf m && !m.expr().dynamic();
        }
        staticPass = new boolean[cluster.size()];
        firstStatic = new int[cluster.size()];
        for (int i = 0; i < staticPass.length; i++) {
            firstStatic[i] = firstStaticFailure(i);
            staticPass[i] = firstStatic[i] == NONE;
        }
    }

    private int firstStaticFailure(int i) {
        if (!cluster.instance(i).agentConnected()) return 0;
        if (cluster.instance(i).status() != InstanceStatus.ACTIVE) return 1;
        Facts f = new Facts(cluster, i);
        for (int j = 0; j < constraints.length; j++) {
            if (staticConstraint[j] && !((Constraint.MemberOf) constraints[j]).expr().test(f)) return 2 + j;
        }
        return NONE;
    }

    /** Everything that decides where a task may go and in what order; the seed is not part of it. */
    static String signature(PlacementRequest r) {
        TaskSpec t = r.task();
        return r.group() + '|' + t.cpu() + '|' + t.memory() + '|' + t.networkMode() + '|' + t.staticHostPorts()
                + '|' + r.constraints() + '|' + r.effectiveStrategies();
    }

    String signature() {
        return signature;
    }

    /**
     * The one feasibility check. Runs the checks in their fixed order (agent connected, ACTIVE,
     * each constraint in the order given, cpu, memory, each static host port) and returns the
     * number of the first that instance i fails: 0 agent, 1 status, 2 + j constraint j, then
     * cpu, memory and the ports after the constraints; or {@link #NONE} when it fits. Placement
     * asks it to choose and {@link #rejection} turns its answer into the reason a failure reports.
     */
    int firstFailure(int i) {
        int limit = firstStatic[i];
        if (limit < 2) return limit;
        LiveCluster c = cluster;
        Facts facts = null;
        for (int j = 0; j < constraints.length && 2 + j < limit; j++) {
            if (staticConstraint[j]) continue;
            boolean ok;
            if (constraints[j] instanceof Constraint.MemberOf m) {
                if (facts == null) facts = new Facts(c, i);
                ok = m.expr().test(facts);
            } else {
                ok = c.groupCount(group, i) == 0;
            }
            if (!ok) return 2 + j;
        }
        if (limit != NONE) return limit;
        int k = constraints.length;
        if (c.freeCpu(i) < cpu) return 2 + k;
        if (c.freeMemory(i) < memory) return 3 + k;
        for (int p = 0; p < portKeys.length; p++) if (!c.portFree(i, portKeys[p])) return 4 + k + p;
        return NONE;
    }

    /** One of FITS, NOT_NOW, UNTIL_A_STOP, NEVER, from the first failed check. */
    int check(int i) {
        int n = firstFailure(i);
        if (n == NONE) return FITS;
        if (n < 2) return NEVER;
        int j = n - 2;
        if (j < constraints.length) {
            if (staticConstraint[j]) return NEVER;
            return constraints[j] instanceof Constraint.DistinctInstance ? UNTIL_A_STOP : NOT_NOW;
        }
        return UNTIL_A_STOP;
    }

    /**
     * Why instance i cannot take the task now, as the check that failed recorded it, or null when
     * it fits. {@code checksPassed} counts the checks before it (every port check counts as one).
     */
    Rejection rejection(int i) {
        int n = firstFailure(i);
        if (n == NONE) return null;
        String id = cluster.instance(i).id();
        int k = constraints.length;
        if (n == 0) return new Rejection(id, Rejection.Reason.AGENT_DISCONNECTED, null, 0);
        if (n == 1) return new Rejection(id, Rejection.Reason.DRAINING, null, 1);
        if (n < 2 + k) return new Rejection(id, Rejection.Reason.CONSTRAINT_NOT_MET, constraints[n - 2].toString(), n);
        if (n == 2 + k) return new Rejection(id, Rejection.Reason.INSUFFICIENT_CPU, null, n);
        if (n == 3 + k) return new Rejection(id, Rejection.Reason.INSUFFICIENT_MEMORY, null, n);
        return new Rejection(id, Rejection.Reason.PORT_IN_USE, HostPort.ofKey(portKeys[n - 4 - k]).toString(), 4 + k);
    }

    /** What ECS says when the constraint a rejection names is the reason. */
    String constraintError(Rejection r) {
        if (r.reason() != Rejection.Reason.CONSTRAINT_NOT_MET) return null;
        for (Constraint k : constraints) if (k.toString().equals(r.detail())) return k.unsatisfied();
        return null;
    }

    /**
     * The index can serve strategies that rank by spread over attributes first and then only by
     * per-instance keys; anything else (random, or an attribute spread after a per-instance key)
     * is ranked by the linear scan, which is the reference behaviour.
     */
    boolean indexable() {
        boolean local = false;
        for (Strategy s : strategies) {
            if (s instanceof Strategy.Random) return false;
            boolean attributeSpread = s instanceof Strategy.Spread sp && !sp.byInstance();
            if (attributeSpread && local) return false;
            if (!attributeSpread) local = true;
        }
        return true;
    }

    RankIndex index() {
        if (index == null) index = new RankIndex(cluster, this);
        return index;
    }

    RankIndex builtIndex() {
        return index;
    }
}
