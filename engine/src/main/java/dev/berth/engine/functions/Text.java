package dev.berth.engine.functions;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** String helpers that follow Go's and Terraform's notions of characters and spaces. */
final class Text {
    private Text() {
    }

    /**
     * User-perceived characters: Terraform counts and slices strings by grapheme cluster. Java
     * 17's rules predate emoji ZWJ sequences, so clusters joined by a zero-width joiner followed
     * by a pictograph (a family emoji) are merged here, as Unicode's rule GB11 says.
     */
    static List<String> graphemes(String s) {
        List<String> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(s);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String cluster = s.substring(start, end);
            int last = out.size() - 1;
            if (last >= 0 && (cluster.startsWith(ZWJ) || out.get(last).endsWith(ZWJ) && isPictograph(cluster.codePointAt(0)))) {
                out.set(last, out.get(last) + cluster);
            } else {
                out.add(cluster);
            }
        }
        return out;
    }

    private static final String ZWJ = "\u200D";

    private static boolean isPictograph(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x2764;
    }

    /** Go's unicode.IsSpace, which unlike Character.isWhitespace includes no-break spaces. */
    static boolean isGoSpace(int cp) {
        switch (cp) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0:
                return true;
            default:
                return cp > 0xFF && Character.isSpaceChar(cp);
        }
    }

    static String trimSpace(String s) {
        int start = 0, end = s.length();
        while (start < end && isGoSpace(s.codePointAt(start))) start += Character.charCount(s.codePointAt(start));
        while (end > start && isGoSpace(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
        return s.substring(start, end);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
