package dev.berth.engine.hcl;

/**
 * The kinds of token the lexer produces; {@link #display} is how diagnostics name them. Public so
 * the formatter can read the token stream; COMMENT is only produced for it, never for the parser.
 */
public enum TokenType {
    IDENT("identifier"), NUMBER("number"), BAD_NUMBER("number"), NEWLINE("newline"),
    EOF("end of file"), INVALID("character"),
    LBRACE("\"{\""), RBRACE("\"}\""), LBRACK("\"[\""), RBRACK("\"]\""), LPAREN("\"(\""),
    RPAREN("\")\""), COMMA("\",\""), DOT("\".\""), ELLIPSIS("\"...\""), COLON("\":\""), DOUBLECOLON("\"::\""),
    QUESTION("\"?\""), EQUAL("\"=\""), FATARROW("\"=>\""),
    PLUS("\"+\""), MINUS("\"-\""), STAR("\"*\""), SLASH("\"/\""), PERCENT("\"%\""),
    AND("\"&&\""), OR("\"||\""), BANG("\"!\""), EQEQ("\"==\""), NOTEQ("\"!=\""),
    LT("\"<\""), LE("\"<=\""), GT("\">\""), GE("\">=\""),
    OQUOTE("string"), CQUOTE("closing quote"), STRING_UNTERMINATED("end of line"),
    OHEREDOC("heredoc"), CHEREDOC("heredoc end marker"), HEREDOC_UNTERMINATED("end of file"),
    TEMPLATE_LITERAL("template text"), TEMPLATE_INTERP("\"${\""), TEMPLATE_CONTROL("\"%{\""),
    TEMPLATE_SEQ_END("\"}\""), COMMENT("comment");

    final String display;

    TokenType(String display) {
        this.display = display;
    }
}
