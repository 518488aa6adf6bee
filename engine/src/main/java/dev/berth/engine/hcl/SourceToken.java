package dev.berth.engine.hcl;

/** One token of a file as the formatter sees it: its kind and its character offsets. */
public record SourceToken(TokenType type, int start, int end) {
}
