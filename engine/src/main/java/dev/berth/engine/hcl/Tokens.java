package dev.berth.engine.hcl;

import java.util.Arrays;

/**
 * The lexer's output as parallel arrays rather than one object per token: a 3 MB file has about
 * a million tokens and this keeps lexing allocation-free apart from occasional growth.
 */
final class Tokens {
    TokenType[] types = new TokenType[1024];
    int[] starts = new int[1024];
    int[] ends = new int[1024];
    int size;

    void add(TokenType type, int start, int end) {
        if (size == types.length) {
            int cap = size * 2;
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
