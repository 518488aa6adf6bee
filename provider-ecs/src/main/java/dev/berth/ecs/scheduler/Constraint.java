package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.query.Expr;
import dev.berth.ecs.scheduler.query.QueryParser;

/** A binding placement constraint: an instance that fails one never receives the task. */
public sealed interface Constraint {
    /** The error text ECS reports when this constraint rejects the closest instance. */
    String unsatisfied();

    /** At most one task of the group per instance. */
    record DistinctInstance() implements Constraint {
        public String unsatisfied() {
            return "DistinctInstance placement constraint unsatisfied.";
        }

        @Override
        public String toString() {
            return "distinctInstance";
        }
    }

    /** Only instances matching a cluster query; the expression is parsed when the constraint is made. */
    record MemberOf(String expression, Expr expr) implements Constraint {
        public String unsatisfied() {
            return "MemberOf placement constraint unsatisfied.";
        }

        @Override
        public String toString() {
            return "memberOf(" + expression + ")";
        }
    }

    static Constraint distinctInstance() {
        return new DistinctInstance();
    }

    /** Throws {@link dev.berth.ecs.scheduler.query.QueryException} with the column when malformed. */
    static Constraint memberOf(String expression) {
        return new MemberOf(expression, QueryParser.parse(expression));
    }
}
