package dev.berth.engine.functions;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** String helpers that follow Go's and Terraform's notions of characters and spaces. */
final class Text {
    private Text() {
    }

    /** User-perceived characters: Terraform counts and slices strings by grapheme cluster. */
    static List<String> graphemes(String s) {
        List<String> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(s);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            out.add(s.substring(start, end));
        }
        return out;
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
