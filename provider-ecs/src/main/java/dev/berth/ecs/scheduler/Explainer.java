package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.Rejection.Reason;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.HostPort;
import dev.berth.ecs.scheduler.model.InstanceStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Why no instance could take the task. Only run when a decision has failed, so it may look at
 * everything. Checks run in a fixed order (agent connected, ACTIVE, each constraint in the order
 * given, cpu, memory, ports) and stop at the first failure; the "closest matching" instance is
 * the one that got furthest, ties going to the lowest instance id. Resources come after
 * constraints so that "closest" means "the kind of instance you asked for, but full".
 */
public final class Explainer {
    private Explainer() {
    }

    static PlacementFailure explain(LiveCluster c, PreparedRequest p, int unplaced) {
        String prefix = p.request.subject() + " was unable to place a task because no container instance met all of its requirements.";
        if (c.size() == 0) {
            return new PlacementFailure(unplaced, prefix + " Reason: No Container Instances were found in your cluster.", null, List.of());
        }
        List<Rejection> rejections = new ArrayList<>();
        Rejection closest = null;
        String closestError = null;
        for (int i = 0; i < c.size(); i++) {
            Rejection r = reject(c, p, i);
            if (r == null) continue; // fits now: only possible when called for a reason other than failure
            rejections.add(r);
            if (closest == null || r.checksPassed() > closest.checksPassed()) {
                closest = r;
                closestError = constraintError(p, r);
            }
        }
        String message = closest == null ? prefix : prefix + " " + sentence(closest, closestError);
        return new PlacementFailure(unplaced, message, closest, rejections);
    }

    private static String sentence(Rejection r, String constraintError) {
        return r.ecsSentence(constraintError);
    }

    private static String constraintError(PreparedRequest p, Rejection r) {
        if (r.reason() != Reason.CONSTRAINT_NOT_MET) return null;
        for (Constraint k : p.request.constraints()) if (k.toString().equals(r.detail())) return k.unsatisfied();
        return null;
    }

    /** The first failed check of instance i, or null when it fits. */
    static Rejection reject(LiveCluster c, PreparedRequest p, int i) {
        ContainerInstance inst = c.instance(i);
        int passed = 0;
        if (!inst.agentConnected()) return new Rejection(inst.id(), Reason.AGENT_DISCONNECTED, null, passed);
        passed++;
        if (inst.status() != InstanceStatus.ACTIVE) return new Rejection(inst.id(), Reason.DRAINING, null, passed);
        passed++;
        Facts facts = new Facts(c, i);
        for (Constraint k : p.request.constraints()) {
            boolean ok = k instanceof Constraint.MemberOf m ? m.expr().test(facts) : c.groupCount(p.group, i) == 0;
            if (!ok) return new Rejection(inst.id(), Reason.CONSTRAINT_NOT_MET, k.toString(), passed);
            passed++;
        }
        if (c.remainingCpu(i) < p.cpu) return new Rejection(inst.id(), Reason.INSUFFICIENT_CPU, null, passed);
        passed++;
        if (c.remainingMemory(i) < p.memory) return new Rejection(inst.id(), Reason.INSUFFICIENT_MEMORY, null, passed);
        passed++;
        for (int key : p.portKeys) {
            if (!c.portFree(i, key)) return new Rejection(inst.id(), Reason.PORT_IN_USE, HostPort.ofKey(key).toString(), passed);
        }
        return null;
    }
}
