package dev.berth.ecs.taskdef;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task-level cpu and memory as AWS accepts them: CPU units ("256") or vCPUs ("0.5 vCPU", or
 * ".25 vcpu" as the ECS Exec guide's example writes it), and MiB ("512") or GB ("1 GB", ".5 gb").
 * AWS stores the unit form, so berth does too and "1 vCPU" and "1024" plan as the same value.
 */
public final class TaskSize {
    private static final Pattern SHAPE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*([A-Za-z]*)\\s*");

    private TaskSize() {
    }

    /** CPU units, or empty when the text is not a CPU size. */
    public static Optional<Integer> cpuUnits(String text) {
        return parse(text, "vcpu", 1024);
    }

    /** Memory in MiB, or empty when the text is not a memory size. */
    public static Optional<Integer> memoryMiB(String text) {
        Optional<Integer> gb = parse(text, "gb", 1024);
        return gb.isPresent() ? gb : parse(text, "mib", 1).or(() -> parse(text, "mb", 1));
    }

    private static Optional<Integer> parse(String text, String unit, int perUnit) {
        if (text == null) return Optional.empty();
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) return Optional.empty();
        String u = m.group(2).toLowerCase(Locale.ROOT);
        BigDecimal amount = new BigDecimal(m.group(1));
        BigDecimal scaled;
        if (u.isEmpty()) scaled = amount;
        else if (u.equals(unit)) scaled = amount.multiply(BigDecimal.valueOf(perUnit));
        else return Optional.empty();
        try {
            int v = scaled.intValueExact();
            return v > 0 ? Optional.of(v) : Optional.empty();
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
