package dev.berth.engine.functions;

import dev.berth.engine.value.BinaryFloat;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** range(max), range(start, limit), range(start, limit, step), stepping as Terraform's numbers add. */
final class RangeFunction {
    // Terraform's guard against accidentally building enormous lists.
    private static final int LIMIT = 1024;

    private RangeFunction() {
    }

    static Value range(Args a) {
        if (a.size() < 1 || a.size() > 3) throw new FunctionException("must have one, two, or three arguments");
        BigDecimal start = BigDecimal.ZERO, end, step = BigDecimal.ONE;
        if (a.size() == 1) {
            end = a.number(0);
            // Terraform counts down from zero towards a negative limit: range(-3) is [0, -1, -2].
            if (end.signum() < 0) step = BigDecimal.ONE.negate();
        } else {
            start = a.number(0);
            end = a.number(1);
            if (a.size() == 3) step = a.number(2);
            else if (end.compareTo(start) < 0) step = BigDecimal.ONE.negate();
        }
        if (step.signum() == 0) throw a.invalid(a.size() - 1, "step must not be zero");
        boolean down = step.signum() < 0;
        if (down && end.compareTo(start) > 0) {
            throw a.invalid(1, "end must be less than start when step is negative");
        }
        if (!down && end.compareTo(start) < 0) {
            throw a.invalid(1, "end must be greater than start when step is positive");
        }
        List<Value> out = new ArrayList<>();
        for (BigDecimal v = start; down ? v.compareTo(end) > 0 : v.compareTo(end) < 0; v = BinaryFloat.add(v, step)) {
            if (out.size() == LIMIT) {
                throw new FunctionException("more than " + LIMIT + " values were generated; either decrease the "
                        + "difference between start and end or use a smaller step");
            }
            out.add(new NumberValue(v));
        }
        return new ListValue(out);
    }
}
