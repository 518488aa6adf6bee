package dev.berth.ecs.scheduler.query;

/** One lexeme with its 1-based column, kept so every parse error can point at it. */
record Token(Kind kind, String text, int column) {
    enum Kind { WORD, OP, NOT, AND, OR, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, END }

    String describe() {
        return kind == Kind.END ? "end of expression" : "'" + text + "'";
    }
}
