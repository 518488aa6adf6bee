package dev.berth.engine.hcl;

public enum UnaryOp {
    NOT("!"), NEGATE("-");

    public final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }
}
