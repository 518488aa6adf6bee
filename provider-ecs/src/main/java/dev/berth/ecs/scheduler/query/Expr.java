package dev.berth.ecs.scheduler.query;

import java.util.List;
import java.util.regex.Pattern;

/** A parsed cluster query. */
public sealed interface Expr {
    boolean test(InstanceFacts instance);

    /** True when the answer can change as tasks start or stop (task:group, runningTasksCount). */
    boolean dynamic();

    record And(Expr left, Expr right) implements Expr {
        public boolean test(InstanceFacts i) {
            return left.test(i) && right.test(i);
        }

        public boolean dynamic() {
            return left.dynamic() || right.dynamic();
        }
    }

    record Or(Expr left, Expr right) implements Expr {
        public boolean test(InstanceFacts i) {
            return left.test(i) || right.test(i);
        }

        public boolean dynamic() {
            return left.dynamic() || right.dynamic();
        }
    }

    record Not(Expr inner) implements Expr {
        public boolean test(InstanceFacts i) {
            return !inner.test(i);
        }

        public boolean dynamic() {
            return inner.dynamic();
        }
    }

    /** {@code subject operator [argument]}; regex is compiled once at parse time for =~ and !~. */
    record Comparison(Subject subject, String attributeName, Operator op, List<String> args, Pattern regex)
            implements Expr {
        public Comparison {
            args = List.copyOf(args);
        }

        public boolean test(InstanceFacts i) {
            return Comparisons.test(this, i);
        }

        public boolean dynamic() {
            return subject.dynamic();
        }
    }
}
