package dev.berth.engine.hcl;

/** Binary operators with their precedence (higher binds tighter). */
public enum BinaryOp {
    OR("||", 1), AND("&&", 2), EQUAL("==", 3), NOT_EQUAL("!=", 3),
    LESS("<", 4), LESS_EQUAL("<=", 4), GREATER(">", 4), GREATER_EQUAL(">=", 4),
    ADD("+", 5), SUBTRACT("-", 5), MULTIPLY("*", 6), DIVIDE("/", 6), MODULO("%", 6);

    public final String symbol;
    public final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }
}
