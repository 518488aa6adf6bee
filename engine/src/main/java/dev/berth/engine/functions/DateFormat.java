package dev.berth.engine.functions;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * formatdate's little language: runs of one letter are verbs (YYYY, MMM, DD, EEEE, hh, HH, mm,
 * ss, aa, AA, Z, ZZZ, ZZZZ, ZZZZZ), text in single quotes is literal with '' for a quote, and
 * anything else is copied as it is.
 */
final class DateFormat {
    private DateFormat() {
    }

    static String format(String fmt, OffsetDateTime t, Args a) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i);
            if (c == '\'') {
                i = literal(fmt, i, out, a);
                continue;
            }
            int j = i + 1;
            if (isLetter(c)) {
                while (j < fmt.length() && fmt.charAt(j) == c) j++;
                verb(fmt.substring(i, j), t, out, a);
            } else {
                while (j < fmt.length() && fmt.charAt(j) != '\'' && !isLetter(fmt.charAt(j))) j++;
                out.append(fmt, i, j);
            }
            i = j;
        }
        return out.toString();
    }

    private static int literal(String fmt, int i, StringBuilder out, Args a) {
        if (fmt.startsWith("''", i)) {
            out.append('\'');
            return i + 2;
        }
        StringBuilder text = new StringBuilder();
        for (int j = i + 1; j < fmt.length(); j++) {
            if (fmt.charAt(j) != '\'') {
                text.append(fmt.charAt(j));
            } else if (fmt.startsWith("''", j)) {
                text.append('\'');
                j++;
            } else {
                out.append(text);
                return j + 1;
            }
        }
        throw a.invalid(0, "unterminated literal '");
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static void verb(String tok, OffsetDateTime t, StringBuilder out, Args a) {
        int n = tok.length();
        switch (tok.charAt(0)) {
            case 'Y' -> {
                if (n == 2) out.append(pad2(t.getYear() % 100));
                else if (n == 4) out.append(String.format("%04d", t.getYear()));
                else throw bad(a, tok, "year must either be \"YY\" or \"YYYY\"");
            }
            case 'M' -> {
                if (n > 4) throw bad(a, tok, "month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"");
                String name = t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                out.append(n == 1 ? String.valueOf(t.getMonthValue()) : n == 2 ? pad2(t.getMonthValue())
                        : n == 3 ? name.substring(0, 3) : name);
            }
            case 'D' -> number(t.getDayOfMonth(), tok, out, a, "day of month must either be \"D\" or \"DD\"");
            case 'E' -> {
                String name = t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                if (n == 3) out.append(name, 0, 3);
                else if (n == 4) out.append(name);
                else throw bad(a, tok, "day of week must either be \"EEE\" or \"EEEE\"");
            }
            case 'h' -> number(t.getHour(), tok, out, a, "24-hour must either be \"h\" or \"hh\"");
            case 'H' -> number(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, tok, out, a,
                    "12-hour must either be \"H\" or \"HH\"");
            case 'A', 'a' -> {
                if (n != 2) throw bad(a, tok, "must be \"" + tok.charAt(0) + tok.charAt(0) + "\"");
                String half = t.getHour() < 12 ? "AM" : "PM";
                out.append(tok.charAt(0) == 'A' ? half : half.toLowerCase(Locale.ROOT));
            }
            case 'm' -> number(t.getMinute(), tok, out, a, "minute must either be \"m\" or \"mm\"");
            case 's' -> number(t.getSecond(), tok, out, a, "second must either be \"s\" or \"ss\"");
            case 'Z' -> out.append(zone(tok, t.getOffset(), a));
            default -> throw a.invalid(0, "invalid date format verb " + Text.quote(tok));
        }
    }

    private static void number(int v, String tok, StringBuilder out, Args a, String rule) {
        if (tok.length() == 1) out.append(v);
        else if (tok.length() == 2) out.append(pad2(v));
        else throw bad(a, tok, rule);
    }

    /** Go's Z07:00, MST, -0700 and -07:00 layouts; an offset without a zone name prints as -0700 for MST. */
    private static String zone(String tok, ZoneOffset offset, Args a) {
        int secs = offset.getTotalSeconds();
        String sign = secs < 0 ? "-" : "+";
        int abs = Math.abs(secs);
        String hh = pad2(abs / 3600), mm = pad2(abs / 60 % 60);
        return switch (tok.length()) {
            case 1 -> secs == 0 ? "Z" : sign + hh + ":" + mm;
            case 3 -> secs == 0 ? "UTC" : sign + hh + mm;
            case 4 -> sign + hh + mm;
            case 5 -> sign + hh + ":" + mm;
            default -> throw bad(a, tok, "timezone must be Z, ZZZZ, or ZZZZZ");
        };
    }

    private static String pad2(int v) {
        return v < 10 ? "0" + v : String.valueOf(v);
    }

    private static FunctionException bad(Args a, String tok, String rule) {
        return a.invalid(0, "invalid date format verb " + Text.quote(tok) + ": " + rule);
    }
}
