package dev.berth.engine.fmt;

import dev.berth.engine.hcl.TokenType;

/**
 * A token being laid out: its kind, its exact text and how many spaces go before it. A whole
 * heredoc (opening marker to closing marker) is a single token of type OHEREDOC so that its
 * content is copied byte for byte.
 */
final class FmtToken {
    final TokenType type;
    final String text;
    int spacesBefore;

    FmtToken(TokenType type, String text) {
        this.type = type;
        this.text = text;
    }

    boolean is(TokenType t) {
        return type == t;
    }

    boolean isWord(String word) {
        return type == TokenType.IDENT && text.equals(word);
    }

    /** Line comments run to the end of the line, so they are the only kind that can be aligned. */
    boolean isLineComment() {
        return type == TokenType.COMMENT && !text.startsWith("/*");
    }

    /** +1 for tokens that open a nesting level, -1 for those that close one. */
    int bracketChange() {
        return switch (type) {
            case LBRACE, LBRACK, LPAREN, TEMPLATE_INTERP, TEMPLATE_CONTROL -> 1;
            case RBRACE, RBRACK, RPAREN, TEMPLATE_SEQ_END -> -1;
            default -> 0;
        };
    }

    /** Display width in grapheme clusters, as hclwrite counts: "e" plus a combining accent is one. */
    int width() {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) ascii = text.charAt(i) < 128;
        if (ascii) return text.length();
        java.text.BreakIterator it = java.text.BreakIterator.getCharacterInstance();
        it.setText(text);
        int n = 0;
        while (it.next() != java.text.BreakIterator.DONE) n++;
        return n;
    }
}
