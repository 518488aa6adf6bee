package dev.berth.engine.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression written in Go's RE2 syntax, run on java.util.regex. Configuration is
 * written against Terraform, so the differences that matter are bridged here: {@code (?P<name>)}
 * groups, names Java would reject, POSIX classes, {@code $} meaning end of text, Go's
 * {@code $name} replacement expansion, and Go's rule of ignoring empty matches that abut the
 * previous match.
 */
final class GoRegex {
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\s"), Map.entry("upper", "\\p{Upper}"),
            Map.entry("word", "\\w"), Map.entry("xdigit", "\\p{XDigit}"));
    private static final Pattern REPEAT = Pattern.compile("\\{\\d+(,\\d*)?}");
    private static final Pattern MULTILINE_FLAG = Pattern.compile("\\(\\?[a-zA-Z]*m");

    private final Pattern pattern;
    /** Capture group names by group number - 1; null for unnamed groups. */
    private final List<String> groupNames;

    private GoRegex(Pattern pattern, List<String> groupNames) {
        this.pattern = pattern;
        this.groupNames = List.copyOf(groupNames.stream().map(n -> n == null ? "" : n).toList());
    }

    /** @throws IllegalArgumentException with the parser's complaint when the pattern is invalid */
    static GoRegex compile(String re) {
        for (String perl : List.of("(?=", "(?!", "(?<=", "(?<!", "(?>")) {
            if (re.contains(perl)) throw new IllegalArgumentException("invalid or unsupported Perl syntax: `" + perl + "`");
        }
        boolean multiline = MULTILINE_FLAG.matcher(re).find();
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>();
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char next = re.charAt(++i);
                out.append(c).append(next);
                if ((next == 'p' || next == 'P') && re.startsWith("{", i + 1)) i = property(re, i + 1, out);
            } else if (inClass) {
                if (c == '[' && re.startsWith("[:", i)) {
                    int end = re.indexOf(":]", i + 2);
                    String cls = end < 0 ? null : POSIX.get(re.substring(i + 2, end));
                    if (cls == null) throw new IllegalArgumentException("invalid character class range: " + re.substring(i));
                    out.append(cls);
                    i = end + 1;
                } else {
                    if (c == ']' && !classJustOpened(out)) inClass = false;
                    // Java gives '&&' and a bare '[' meaning inside a class; RE2 does not.
                    if (c == '[' || (c == '&' && i + 1 < re.length() && re.charAt(i + 1) == '&')) out.append('\\');
                    out.append(c);
                }
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                if (i + 1 < re.length() && re.charAt(i + 1) == '^') out.append(re.charAt(++i));
            } else if (c == '(') {
                if (re.startsWith("(?P<", i) || (re.startsWith("(?<", i) && !re.startsWith("(?<=", i) && !re.startsWith("(?<!", i))) {
                    int nameStart = re.indexOf('<', i) + 1;
                    int end = re.indexOf('>', nameStart);
                    if (end < 0) throw new IllegalArgumentException("invalid named capture: " + re.substring(i));
                    names.add(re.substring(nameStart, end));
                    out.append('(');
                    i = end;
                } else {
                    if (!re.startsWith("(?", i)) names.add(null);
                    out.append(c);
                }
            } else if (c == '{' && !REPEAT.matcher(re).region(i, re.length()).lookingAt()) {
                // RE2 reads a brace that starts no valid repetition as a literal; Java rejects it.
                out.append("\\{");
            } else if (c == '$' && !multiline) {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        try {
            return new GoRegex(Pattern.compile(out.toString(), Pattern.UNIX_LINES), names);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + " in " + re, e);
        }
    }

    /**
     * RE2 names scripts bare (\\p{Greek}); Java wants them prefixed (\\p{IsGreek}). General
     * categories (\\p{Lu}) are spelled alike. Returns the index of the closing brace.
     */
    private static int property(String re, int open, StringBuilder out) {
        int close = re.indexOf('}', open);
        if (close < 0) throw new IllegalArgumentException("invalid character class range: " + re.substring(open));
        String name = re.substring(open + 1, close);
        boolean script = name.length() > 2;
        if (script) {
            try {
                Character.UnicodeScript.forName(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid character class range: \\p{" + name + "}");
            }
        }
        out.append('{').append(script ? "Is" : "").append(name).append('}');
        return close;
    }

    private static boolean classJustOpened(StringBuilder out) {
        int n = out.length();
        return out.charAt(n - 1) == '[' || (out.charAt(n - 1) == '^' && n >= 2 && out.charAt(n - 2) == '[');
    }

    List<String> groupNames() {
        return groupNames;
    }

    /** All non-overlapping matches, skipping empty matches that touch the previous one as Go does. */
    List<java.util.regex.MatchResult> findAll(String s) {
        List<java.util.regex.MatchResult> out = new ArrayList<>();
        Matcher m = pattern.matcher(new Budgeted(s));
        int lastEnd = -1;
        while (find(m)) {
            if (m.start() == m.end() && m.start() == lastEnd) continue;
            out.add(m.toMatchResult());
            lastEnd = m.end();
        }
        return out;
    }

    java.util.regex.MatchResult findFirst(String s) {
        Matcher m = pattern.matcher(new Budgeted(s));
        return find(m) ? m.toMatchResult() : null;
    }

    /** java.util.regex recurses once per repetition of a group; RE2 does not, so a long text is no reason to fail. */
    private static boolean find(Matcher m) {
        try {
            return m.find();
        } catch (StackOverflowError e) {
            throw new FunctionException("the text is too long for this pattern: it repeats a group more times than "
                    + "berth can follow; match smaller pieces of the text");
        } catch (Budgeted.Exhausted e) {
            throw new FunctionException("matching this pattern against a text of " + e.length + " characters takes "
                    + "too long (berth's regular expressions backtrack, where Terraform's do not); match smaller "
                    + "pieces of the text or a pattern with less repetition");
        }
    }

    /**
     * The text as the matcher reads it, counting the reads. java.util.regex backtracks, so a
     * pattern such as {@code (0)*x} against a long run of zeros takes time quadratic in the text
     * (RE2, which Terraform uses, is linear): a configuration must not hang berth. The budget is
     * generous for any pattern that does not backtrack without end: a million reads, and eight per
     * character of the text. (It was ten million and twenty: a backtracking group costs the
     * matcher about 250 ns a read, so running out took 5 s on an idle machine and over the fuzz
     * pass's 10 s limit on a busy one.)
     */
    private static final class Budgeted implements CharSequence {
        static final class Exhausted extends RuntimeException {
            final int length;

            Exhausted(int length) {
                super(null, null, false, false);
                this.length = length;
            }
        }

        private final String text;
        private long left;

        Budgeted(String text) {
            this.text = text;
            this.left = 1_000_000L + 8L * text.length();
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) throw new Exhausted(text.length());
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    String replaceAll(String s, String template) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (var m : findAll(s)) {
            out.append(s, pos, m.start());
            expand(out, m, template);
            pos = m.end();
        }
        return out.append(s.substring(pos)).toString();
    }

    /** Go's Regexp.Expand: $1, ${1}, $name, ${name}; $$ is a dollar; unknown groups are empty. */
    private void expand(StringBuilder out, java.util.regex.MatchResult m, String template) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int next;
            if (template.charAt(i + 1) == '{') {
                int close = template.indexOf('}', i + 2);
                name = close < 0 ? "" : template.substring(i + 2, close);
                next = close + 1;
            } else {
                int j = i + 1;
                while (j < template.length() && isNameChar(template.charAt(j))) j++;
                name = template.substring(i + 1, j);
                next = j;
            }
            if (name.isEmpty() || !name.chars().allMatch(GoRegex::isNameChar)) {
                out.append('$');
                i++;
                continue;
            }
            String group = group(m, name);
            if (group != null) out.append(group);
            i = next;
        }
    }

    private String group(java.util.regex.MatchResult m, String name) {
        int index = -1;
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                index = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            index = groupNames.indexOf(name) + 1;
        }
        if (index <= 0 && !(index == 0 && name.equals("0"))) return null;
        return index > m.groupCount() ? null : m.group(index);
    }

    private static boolean isNameChar(int c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }
}
