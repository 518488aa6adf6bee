package dev.berth.engine.hcl;

import java.util.Arrays;

/**
 * The lexer's output as parallel arrays rather than one object per token: a 3 MB file has about
 * a million tokens and this keeps lexing allocation-free apart from occasional growth.
 */
final class Tokens {
    private static final TokenType[] TYPES = TokenType.values();
    /** Each token's type by its ordinal: a byte, where a reference took four (13 million tokens at 100,000 resources). */
    private byte[] kinds;
    int[] starts;
    int[] ends;
    int size;

    /**
     * Sized for a text of {@code chars} characters from the start: configuration has about one
     * token to every three or four characters. Doubling from a small start allocated about 400 MB
     * of arrays for the 13 million tokens of a 42 MB file (127 MB now), every copy too large for
     * the young generation, so a plan's peak memory kept them all.
     */
    Tokens(int chars) {
        int cap = Math.max(1024, chars / 3 + 16);
        kinds = new byte[cap];
        starts = new int[cap];
        ends = new int[cap];
    }

    void add(TokenType type, int start, int end) {
        if (size == kinds.length) {
            int cap = size + (size >> 1);
            kinds = Arrays.copyOf(kinds, cap);
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
        }
        kinds[size] = (byte) type.ordinal();
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    TokenType type(int i) {
        if (i >= size) throw new ArrayIndexOutOfBoundsException(i);
        return TYPES[kinds[i]];
    }

    /** ParallelBody ends a piece at a newline by calling it the end of file for a while. */
    void setType(int i, TokenType type) {
        kinds[i] = (byte) type.ordinal();
    }

    TokenType last() {
        return size == 0 ? null : type(size - 1);
    }
}
