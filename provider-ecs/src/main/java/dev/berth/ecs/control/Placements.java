package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.Shapes.PlacementConstraint;
import dev.berth.ecs.api.Shapes.PlacementStrategy;
import dev.berth.ecs.scheduler.Constraint;
import dev.berth.ecs.scheduler.PlacementFailure;
import dev.berth.ecs.scheduler.Rejection;
import dev.berth.ecs.scheduler.Strategy;
import dev.berth.ecs.scheduler.query.QueryException;

import java.util.ArrayList;
import java.util.List;

/** ECS's placement options of a request in scheduler terms, and the scheduler's rejections in ECS's failure terms. */
final class Placements {
    private Placements() {
    }

    static List<Constraint> constraints(List<PlacementConstraint> given) {
        List<Constraint> out = new ArrayList<>();
        if (given == null) return out;
        if (given.size() > 10) throw EcsException.invalidParameter("A maximum of 10 placement constraints is allowed.");
        for (PlacementConstraint c : given) {
            if ("distinctInstance".equals(c.type())) {
                out.add(Constraint.distinctInstance());
            } else if ("memberOf".equals(c.type())) {
                if (c.expression() == null || c.expression().isBlank()) {
                    throw EcsException.invalidParameter("A memberOf placement constraint requires an expression.");
                }
                try {
                    out.add(Constraint.memberOf(c.expression()));
                } catch (QueryException e) {
                    throw EcsException.invalidParameter("Invalid placement constraint expression \"" + c.expression()
                            + "\": " + e.getMessage());
                }
            } else {
                throw EcsException.invalidParameter("Placement constraint type must be distinctInstance or memberOf, not "
                        + c.type() + ".");
            }
        }
        return out;
    }

    static List<Strategy> strategies(List<PlacementStrategy> given) {
        List<Strategy> out = new ArrayList<>();
        if (given == null) return out;
        if (given.size() > 5) throw EcsException.invalidParameter("A maximum of 5 placement strategies is allowed.");
        for (PlacementStrategy s : given) {
            try {
                out.add(Strategy.of(s.type(), s.field()));
            } catch (IllegalArgumentException e) {
                throw EcsException.invalidParameter("Invalid placement strategy: " + e.getMessage() + ".");
            }
        }
        return out;
    }

    /** One failure per container instance that turned the task down, with ECS's reason for it. */
    static List<Failure> failures(PlacementFailure failure) {
        List<Failure> out = new ArrayList<>();
        for (Rejection r : failure.rejections()) out.add(new Failure(r.instanceId(), r.ecsReason(), r.describe()));
        return out;
    }
}
