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

    Tokens() {
        this(1024);
    }

    Tokens(int capacity) {
        types = new TokenType[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
    }

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
