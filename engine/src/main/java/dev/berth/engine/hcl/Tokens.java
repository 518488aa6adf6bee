package dev.berth.engine.hcl;

import java.util.Arrays;

/**
 * The lexer's output as parallel arrays rather than one object per token: a 3 MB file has about
 * a million tokens and this keeps lexing allocation-free apart from occasional growth.
 */
final class Tokens {
    TokenType[] types;
    int[] starts;
    int[] ends;
    int size;

    /**
     * Sized for a text of {@code chars} characters from the start: configuration has about one
     * token to every three or four characters. Doubling from a small start allocated about 400 MB
     * of arrays for the 13 million tokens of a 42 MB file (170 MB now), every copy too large for
     * the young generation, so a plan's peak memory kept them all.
     */
    Tokens(int chars) {
        int cap = Math.max(1024, chars / 3 + 16);
        types = new TokenType[cap];
        starts = new int[cap];
        ends = new int[cap];
    }

    void add(TokenType type, int start, int end) {
        if (size == types.length) {
            int cap = size + (size >> 1);
            types = Arrays.copyOf(types, cap);
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
        }
        types[size] = type;
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    TokenType last() {
        return size == 0 ? null : types[size - 1];
    }
}
