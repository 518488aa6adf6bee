package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.HostPort;
import dev.berth.ecs.scheduler.model.InstanceStatus;
import dev.berth.ecs.scheduler.model.TaskSpec;
import dev.berth.ecs.scheduler.query.Expr;

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
    final boolean distinct;
    final List<Expr> dynamicExprs = new ArrayList<>();
    final List<Strategy> strategies;
    final boolean[] staticPass;
    private final String signature;
    private final LiveCluster cluster;
    private RankIndex index;

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
        boolean d = false;
        List<Expr> staticExprs = new ArrayList<>();
        for (Constraint c : request.constraints()) {
            if (c instanceof Constraint.DistinctInstance) d = true;
            else if (c instanceof Constraint.MemberOf m) (m.expr().dynamic() ? dynamicExprs : staticExprs).add(m.expr());
        }
        distinct = d;
        staticPass = new boolean[cluster.size()];
        for (int i = 0; i < staticPass.length; i++) {
            Facts f = new Facts(cluster, i);
            boolean ok = cluster.instance(i).agentConnected() && cluster.instance(i).status() == InstanceStatus.ACTIVE;
            for (Expr e : staticExprs) ok = ok && e.test(f);
            staticPass[i] = ok;
        }
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

    /** One of FITS, NOT_NOW, UNTIL_A_STOP, NEVER. */
    int check(int i) {
        if (!staticPass[i]) return NEVER;
        LiveCluster c = cluster;
        if (distinct && c.groupCount(group, i) > 0) return UNTIL_A_STOP;
        if (c.remainingCpu(i) < cpu || c.remainingMemory(i) < memory) return UNTIL_A_STOP;
        for (int key : portKeys) if (!c.portFree(i, key)) return UNTIL_A_STOP;
        if (!dynamicExprs.isEmpty()) {
            Facts f = new Facts(c, i);
            for (Expr e : dynamicExprs) if (!e.test(f)) return NOT_NOW;
        }
        return FITS;
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
