package dev.berth.engine.eval;

import dev.berth.engine.hcl.BinaryOp;
import dev.berth.engine.hcl.BinaryOpExpr;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.hcl.UnaryOp;
import dev.berth.engine.hcl.UnaryOpExpr;
import dev.berth.engine.value.BinaryFloat;
import dev.berth.engine.value.NumberRange;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;

/** Arithmetic (at Terraform's 512-bit binary precision), comparison, equality and logic. */
final class Operators {
    private final Evaluation ev;

    Operators(Evaluation ev) {
        this.ev = ev;
    }

    Value binary(BinaryOpExpr b, Locals locals) {
        BinaryOp op = b.op();
        // Both sides are always evaluated, && and || included: Terraform does not short-circuit,
        // so a guard such as x != null && x.enabled fails on a null x there, and must here too.
        Value left = ev.eval(b.left(), locals);
        Value right = ev.eval(b.right(), locals);
        if (op == BinaryOp.EQUAL || op == BinaryOp.NOT_EQUAL) return equality(op, left, right);
        boolean sensitive = Marks.sensitive(left) || Marks.sensitive(right);
        Value l = Marks.unwrap(left);
        Value r = Marks.unwrap(right);
        if (op == BinaryOp.AND || op == BinaryOp.OR) {
            Boolean lb = operandBool(l, b.left(), op);
            Boolean rb = operandBool(r, b.right(), op);
            if (lb == null || rb == null) return Marks.mark(Value.unknown(), sensitive);
            return Marks.mark(Evaluation.bool(op == BinaryOp.AND ? lb && rb : lb || rb), sensitive);
        }
        BigDecimal x = operandNumber(l, b.left(), op);
        BigDecimal y = operandNumber(r, b.right(), op);
        if (x == null || y == null) return Marks.mark(Value.unknown(), sensitive);
        Value result = switch (op) {
            case ADD -> Value.of(BinaryFloat.add(x, y));
            case SUBTRACT -> Value.of(BinaryFloat.subtract(x, y));
            case MULTIPLY -> Value.of(BinaryFloat.multiply(x, y));
            case DIVIDE, MODULO -> divide(op, x, y, b.right());
            case LESS -> Evaluation.bool(x.compareTo(y) < 0);
            case LESS_EQUAL -> Evaluation.bool(x.compareTo(y) <= 0);
            case GREATER -> Evaluation.bool(x.compareTo(y) > 0);
            case GREATER_EQUAL -> Evaluation.bool(x.compareTo(y) >= 0);
            default -> throw new IllegalStateException(op.name());
        };
        return Marks.mark(result, sensitive);
    }

    private Value divide(BinaryOp op, BigDecimal x, BigDecimal y, Expr divisor) {
        // Terraform's x % 0 is x; only division by zero fails (its infinity cannot be a value).
        if (y.signum() == 0 && op == BinaryOp.MODULO) return Value.of(x);
        if (y.signum() == 0) {
            ev.error(op == BinaryOp.DIVIDE ? "Division by zero" : "Modulo by zero",
                    "The right operand of \"" + op.symbol + "\" is zero.", divisor.range());
            return Value.unknown();
        }
        return Value.of(op == BinaryOp.DIVIDE ? BinaryFloat.divide(x, y) : BinaryFloat.remainder(x, y));
    }

    private Value equality(BinaryOp op, Value left, Value right) {
        boolean sensitive = left.containsSensitive() || right.containsSensitive();
        if (!left.isWhollyKnown() || !right.isWhollyKnown()) return Marks.mark(Value.unknown(), sensitive);
        boolean eq = Equality.equal(left.unmarked(), right.unmarked());
        return Marks.mark(Evaluation.bool(op == BinaryOp.EQUAL ? eq : !eq), sensitive);
    }

    /** Null means the operand was unknown or wrong; a diagnostic was added in the latter case. */
    private BigDecimal operandNumber(Value v, Expr src, BinaryOp op) {
        if (Marks.unknown(v)) return null;
        BigDecimal n = Conversions.toNumber(v);
        if (n == null) {
            ev.error("Invalid operand: expected a number, but found " + Marks.article(v),
                    "Both operands of \"" + op.symbol + "\" must be numbers.", src.range());
        } else if (!NumberRange.contains(n)) {
            ev.error("Number out of range", NumberRange.explain("This operand of \"" + op.symbol + "\""), src.range());
            return null;
        }
        return n;
    }

    private Boolean operandBool(Value v, Expr src, BinaryOp op) {
        if (Marks.unknown(v)) return null;
        Boolean b = Conversions.toBool(v);
        if (b == null) {
            ev.error("Invalid operand: expected a bool, but found " + Marks.article(v),
                    "Both operands of \"" + op.symbol + "\" must be true or false.", src.range());
        }
        return b;
    }

    Value unary(UnaryOpExpr u, Locals locals) {
        Value operand = ev.eval(u.operand(), locals);
        boolean sensitive = Marks.sensitive(operand);
        Value v = Marks.unwrap(operand);
        if (Marks.unknown(v)) return Marks.mark(Value.unknown(), sensitive);
        if (u.op() == UnaryOp.NOT) {
            Boolean b = Conversions.toBool(v);
            if (b == null) {
                ev.error("Invalid operand: expected a bool, but found " + Marks.article(v),
                        "The operand of \"!\" must be true or false.", u.operand().range());
                return Value.unknown();
            }
            return Marks.mark(Evaluation.bool(!b), sensitive);
        }
        BigDecimal n = Conversions.toNumber(v);
        if (n == null) {
            ev.error("Invalid operand: expected a number, but found " + Marks.article(v),
                    "The operand of \"-\" must be a number.", u.operand().range());
            return Value.unknown();
        }
        return Marks.mark(Value.of(n.negate()), sensitive);
    }
}
