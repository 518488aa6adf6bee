package dev.berth.engine.functions;

import dev.berth.engine.types.Type;
import dev.berth.engine.types.TypeConversionException;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;

/** Terraform's string functions. Lengths and offsets count grapheme clusters, as Terraform does. */
final class StringFunctions {
    private StringFunctions() {
    }

    static List<Function> all() {
        return List.of(
                Fn.of("chomp", List.of("str"), a -> str(chomp(a.string(0)))),
                Fn.of("indent", List.of("spaces", "str"), StringFunctions::indent),
                Fn.variadic("join", List.of("separator"), "lists", StringFunctions::join),
                Fn.of("lower", List.of("str"), a -> str(mapCodePoints(a.string(0), Character::toLowerCase))),
                Fn.of("upper", List.of("str"), a -> str(mapCodePoints(a.string(0), Character::toUpperCase))),
                Fn.of("replace", List.of("str", "substr", "replace"), StringFunctions::replace),
                Fn.of("split", List.of("separator", "str"), a -> split(a.string(0), a.string(1))),
                Fn.of("strrev", List.of("str"), a -> str(reverse(a.string(0)))),
                Fn.of("substr", List.of("str", "offset", "length"), StringFunctions::substr),
                Fn.of("title", List.of("str"), a -> str(title(a.string(0)))),
                Fn.of("trim", List.of("str", "cutset"), a -> str(trim(a.string(0), a.string(1)))),
                Fn.of("trimprefix", List.of("str", "prefix"), a -> {
                    String s = a.string(0), p = a.string(1);
                    return str(s.startsWith(p) ? s.substring(p.length()) : s);
                }),
                Fn.of("trimsuffix", List.of("str", "suffix"), a -> {
                    String s = a.string(0), p = a.string(1);
                    return str(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s);
                }),
                Fn.of("trimspace", List.of("str"), a -> str(Text.trimSpace(a.string(0)))),
                Fn.of("startswith", List.of("str", "prefix"), a -> Value.of(a.string(0).startsWith(a.string(1)))),
                Fn.of("endswith", List.of("str", "suffix"), a -> Value.of(a.string(0).endsWith(a.string(1)))),
                Fn.of("strcontains", List.of("str", "substr"), a -> Value.of(a.string(0).contains(a.string(1)))));
    }

    private static Value str(String s) {
        return new StringValue(s);
    }

    /**
     * Go's strings.ToUpper and ToLower map each code point on its own (simple case mapping), so
     * "ß" stays "ß" and a final sigma is an ordinary one, unlike Java's locale-aware String methods.
     */
    static String mapCodePoints(String s, java.util.function.IntUnaryOperator mapping) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(mapping.applyAsInt(cp)));
        return out.toString();
    }

    /** Removes every trailing line ending, not just one. */
    static String chomp(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) end--;
        return s.substring(0, end);
    }

    /** The first line is left alone because it usually follows a heredoc marker already. */
    private static Value indent(Args a) {
        int spaces = a.integer(0);
        String pad = " ".repeat(Math.max(0, spaces));
        return str(a.string(1).replace("\n", "\n" + pad));
    }

    private static Value join(Args a) {
        String sep = a.string(0);
        if (a.size() < 2) throw new FunctionException("at least one list is required");
        StringBuilder out = new StringBuilder();
        boolean first = true;
        int index = 0;
        for (int i = 1; i < a.size(); i++) {
            List<Value> items = a.list(i);
            for (Value item : items) {
                if (item.isNull()) {
                    throw a.invalid(i, "element " + index + " is null; cannot concatenate null values");
                }
                if (!first) out.append(sep);
                try {
                    out.append(((StringValue) Type.STRING.convert(item)).value());
                } catch (TypeConversionException e) {
                    throw a.invalid(i, "element " + index + ": " + e.getMessage());
                }
                first = false;
                index++;
            }
        }
        return str(out.toString());
    }

    private static Value replace(Args a) {
        String s = a.string(0), search = a.string(1), with = a.string(2);
        if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
            GoRegex re;
            try {
                re = GoRegex.compile(search.substring(1, search.length() - 1));
            } catch (IllegalArgumentException e) {
                throw a.invalid(1, "error parsing pattern: " + e.getMessage());
            }
            return str(re.replaceAll(s, with));
        }
        return str(s.replace(search, with));
    }

    /** Go's strings.Split: an empty separator splits into characters, an empty input gives [""]. */
    static Value split(String sep, String s) {
        List<Value> out = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(str(new String(Character.toChars(cp)))));
            return new ListValue(out);
        }
        int from = 0;
        for (int at = s.indexOf(sep); at >= 0; at = s.indexOf(sep, from)) {
            out.add(str(s.substring(from, at)));
            from = at + sep.length();
        }
        out.add(str(s.substring(from)));
        return new ListValue(out);
    }

    private static String reverse(String s) {
        List<String> chars = Text.graphemes(s);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = chars.size() - 1; i >= 0; i--) out.append(chars.get(i));
        return out.toString();
    }

    private static Value substr(Args a) {
        String s = a.string(0);
        int offset = a.integer(1), length = a.integer(2);
        List<String> chars = Text.graphemes(s);
        int n = chars.size();
        if (offset < 0) offset = Math.max(0, n + offset);
        if (offset >= n) return str("");
        int end = length < 0 ? n : (int) Math.min((long) offset + length, n);
        return str(String.join("", chars.subList(offset, end)));
    }

    /** Go's strings.Title: upper-cases the first letter of each word and leaves the rest alone. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int prev = ' ';
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            out.appendCodePoint(isWordSeparator(prev) ? Character.toTitleCase(cp) : cp);
            prev = cp;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean isWordSeparator(int cp) {
        if (cp <= 0x7F) {
            return !(Character.isLetterOrDigit(cp) || cp == '_');
        }
        if (Character.isLetter(cp) || Character.isDigit(cp)) return false;
        return Text.isGoSpace(cp);
    }

    /** Go's strings.Trim: strips any of the cutset's characters from both ends. */
    static String trim(String s, String cutset) {
        int start = 0, end = s.length();
        while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) start += Character.charCount(s.codePointAt(start));
        while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) end -= Character.charCount(s.codePointBefore(end));
        return s.substring(start, end);
    }
}
