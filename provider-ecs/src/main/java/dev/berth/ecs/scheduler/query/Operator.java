package dev.berth.ecs.scheduler.query;

import java.util.Map;

/** The comparison operators of the ECS cluster query language, with every spelling ECS accepts. */
public enum Operator {
    EQUALS, NOT_EQUALS, GREATER, GREATER_EQUAL, LESS, LESS_EQUAL,
    EXISTS, NOT_EXISTS, IN, NOT_IN, MATCHES, NOT_MATCHES;

    private static final Map<String, Operator> SPELLINGS = Map.ofEntries(
            Map.entry("==", EQUALS), Map.entry("equals", EQUALS),
            Map.entry("!=", NOT_EQUALS), Map.entry("not_equals", NOT_EQUALS),
            Map.entry(">", GREATER), Map.entry("greater_than", GREATER),
            Map.entry(">=", GREATER_EQUAL), Map.entry("greater_than_equal", GREATER_EQUAL),
            Map.entry("<", LESS), Map.entry("less_than", LESS),
            Map.entry("<=", LESS_EQUAL), Map.entry("less_than_equal", LESS_EQUAL),
            Map.entry("exists", EXISTS), Map.entry("!exists", NOT_EXISTS), Map.entry("not_exists", NOT_EXISTS),
            Map.entry("in", IN), Map.entry("!in", NOT_IN), Map.entry("not_in", NOT_IN),
            Map.entry("=~", MATCHES), Map.entry("matches", MATCHES),
            Map.entry("!~", NOT_MATCHES), Map.entry("not_matches", NOT_MATCHES));

    static final String EXPECTED = "an operator (==, !=, >, >=, <, <=, exists, !exists, in, not in, =~, !~)";

    static Operator lookup(String text) {
        return SPELLINGS.get(text);
    }

    boolean takesList() {
        return this == IN || this == NOT_IN;
    }

    boolean takesNoArgument() {
        return this == EXISTS || this == NOT_EXISTS;
    }
}
