package dev.berth.ecs.scheduler.query;

import java.util.function.Predicate;

/**
 * Evaluation of one comparison. Negative operators are the exact negation of their positive
 * twin, so an instance lacking an attribute satisfies {@code !=}, {@code not in}, {@code !~} and
 * {@code !exists} and nothing else. task:group is set-valued (an instance runs many tasks):
 * {@code ==} means "runs a task of that group", which is how ECS expresses affinity.
 */
final class Comparisons {
    private Comparisons() {
    }

    static boolean test(Expr.Comparison c, InstanceFacts i) {
        return switch (c.op()) {
            case NOT_EQUALS -> !positive(c, Operator.EQUALS, i);
            case NOT_EXISTS -> !positive(c, Operator.EXISTS, i);
            case NOT_IN -> !positive(c, Operator.IN, i);
            case NOT_MATCHES -> !positive(c, Operator.MATCHES, i);
            default -> positive(c, c.op(), i);
        };
    }

    private static boolean positive(Expr.Comparison c, Operator op, InstanceFacts i) {
        if (c.subject() == Subject.TASK_GROUP) {
            return i.anyTaskGroup(valueTest(c, op));
        }
        String value = scalar(c, i);
        return value != null && valueTest(c, op).test(value);
    }

    private static String scalar(Expr.Comparison c, InstanceFacts i) {
        return switch (c.subject()) {
            case ATTRIBUTE -> i.attribute(c.attributeName());
            case EC2_INSTANCE_ID -> i.ec2InstanceId();
            case RUNNING_TASKS_COUNT -> Integer.toString(i.runningTasksCount());
            case AGENT_CONNECTED -> Boolean.toString(i.agentConnected());
            case TASK_GROUP -> throw new IllegalStateException("task:group is not scalar");
        };
    }

    private static Predicate<String> valueTest(Expr.Comparison c, Operator op) {
        return switch (op) {
            case EXISTS -> v -> true;
            case EQUALS -> v -> compare(v, c.args().get(0)) == 0;
            case IN -> v -> c.args().stream().anyMatch(a -> compare(v, a) == 0);
            case MATCHES -> v -> c.regex().matcher(v).matches();
            case GREATER -> v -> compare(v, c.args().get(0)) > 0;
            case GREATER_EQUAL -> v -> compare(v, c.args().get(0)) >= 0;
            case LESS -> v -> compare(v, c.args().get(0)) < 0;
            case LESS_EQUAL -> v -> compare(v, c.args().get(0)) <= 0;
            default -> throw new IllegalStateException("not a positive operator: " + op);
        };
    }

    /** Numbers compare as numbers ("10" > "9"), anything else as strings. */
    static int compare(String a, String b) {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) return Double.compare(x, y);
        return a.compareTo(b);
    }

    private static Double number(String s) {
        if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '-')) return null;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
