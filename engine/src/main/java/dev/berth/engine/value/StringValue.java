package dev.berth.engine.value;

import java.text.Normalizer;
import java.util.Objects;

/**
 * A Unicode string, always in normalisation form C as Terraform's strings are (cty normalises
 * every string it makes), so "e" followed by a combining accent equals the precomposed "é" and a
 * function result never differs from Terraform's by normalisation alone.
 */
public record StringValue(String value) implements Value {
    public StringValue {
        Objects.requireNonNull(value);
        value = nfc(value);
    }

    private static String nfc(String s) {
        // Below U+0300 every character is already in NFC and composes with nothing before it.
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x300) {
                return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
            }
        }
        return s;
    }

    @Override
    public String typeName() {
        return "string";
    }

    // equals and hashCode written out: a record's own go through method handles, which the client
    // compiler (bin/berth's) does not inline, and a plan compares every attribute it refreshes.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof StringValue s && value.equals(s.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
