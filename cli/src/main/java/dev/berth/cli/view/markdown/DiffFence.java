package dev.berth.cli.view.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a human plan block into the lines of a {@code diff} code block: GitHub colours a line by
 * its first character, so each change symbol moves to column 0 ({@code ~} and {@code -/+}
 * become {@code !}) and the indentation follows it. The fence is longer than any run of
 * backticks inside, so no value can close it early.
 */
final class DiffFence {
    private static final Pattern SYMBOL = Pattern.compile("^(\\s*)(-/\\+|\\+/-|[+~-])( .*)?$");
    private static final Pattern TICKS = Pattern.compile("`+");

    private DiffFence() {
    }

    static List<String> lines(String block) {
        List<String> body = new ArrayList<>();
        for (String line : block.split("\n", -1)) body.add(line(line));
        String fence = fence(block);
        List<String> out = new ArrayList<>();
        out.add(fence + "diff");
        out.addAll(body);
        out.add(fence);
        return out;
    }

    static String line(String line) {
        Matcher m = SYMBOL.matcher(line);
        if (!m.matches()) return line;
        String symbol = switch (m.group(2)) {
            case "+" -> "+";
            case "-" -> "-";
            default -> "!";
        };
        return symbol + m.group(1) + (m.group(3) == null ? "" : m.group(3));
    }

    private static String fence(String text) {
        int longest = 0;
        Matcher m = TICKS.matcher(text);
        while (m.find()) longest = Math.max(longest, m.group().length());
        return "`".repeat(Math.max(3, longest + 1));
    }
}
