package dev.berth.cli.command;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Terraform-style durations such as {@code 0s}, {@code 500ms}, {@code 1m30s}. */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {
    }

    static Duration parse(String text, String option) {
        String t = text.trim();
        if (t.equals("0")) return Duration.ZERO;
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        if (end != t.length() || t.isEmpty()) {
            throw new Errors.UserError("Invalid value for " + option + ": \"" + text
                    + "\" is not a duration; use a number with a unit, such as 10s or 1m.");
        }
        return total;
    }
}
