package dev.berth.engine.functions;

import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terraform's date and time functions. Timestamps are RFC 3339 text; results keep the offset
 * the input had, and are printed without fractional seconds, as Go's time.RFC3339 layout does.
 */
final class DateTimeFunctions {
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private DateTimeFunctions() {
    }

    static List<Function> all() {
        return List.of(
                Fn.of("timestamp", List.of(), a -> now()).unknownUntilApply().varying(),
                // Known at plan time: the time the plan was made, as Terraform's plantimestamp is.
                Fn.of("plantimestamp", List.of(), a -> now()).varying(),
                Fn.of("formatdate", List.of("format", "time"),
                        a -> new StringValue(DateFormat.format(a.string(0), parse(a, 1), a))),
                Fn.of("timeadd", List.of("timestamp", "duration"), a -> new StringValue(
                        format(parse(a, 0).plusNanos(GoDuration.parse(a.string(1)))))),
                Fn.of("timecmp", List.of("timestamp_a", "timestamp_b"),
                        a -> Value.of(Integer.signum(parse(a, 0).toInstant().compareTo(parse(a, 1).toInstant())))));
    }

    private static Value now() {
        return new StringValue(format(Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
    }

    static String format(OffsetDateTime t) {
        return OUT.format(t);
    }

    static OffsetDateTime parse(Args a, int i) {
        String s = a.string(i);
        Matcher m = RFC3339.matcher(s);
        if (!m.matches()) {
            throw a.invalid(i, "not a valid RFC3339 timestamp: cannot use " + Text.quote(s) + " as a timestamp");
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw a.invalid(i, "not a valid RFC3339 timestamp: " + e.getMessage());
        }
    }
}
