package dev.berth.engine.oracle;

import java.util.Map;

/**
 * Expressions of the oracle corpus where berth knowingly answers differently from Terraform,
 * each with the reason. Kept apart so the list is easy to read and to shrink.
 */
final class KnownDifferences {
    private KnownDifferences() {
    }

    static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("-0", "berth's numbers are decimals, which have no negative zero; Terraform's binary floats "
                    + "keep the sign of zero and print -0"),
            Map.entry("tonumber(\"-0.0\")", "no negative zero in berth's decimals (see -0)"),
            Map.entry("[1] == tolist([1])", "berth's values do not tell a tuple from a list, so a tuple equals the "
                    + "list of the same elements; Terraform compares types first"),
            Map.entry("base64gzip(\"hello hello hello hello hello hello\")", "berth compresses with zlib, Terraform "
                    + "with Go's compress/flate: both are valid gzip of the same text, but once the input has repeats "
                    + "worth matching the two compressors choose different bytes"),
            Map.entry("cidrhost(\"::ffff:10.0.0.0/104\", 5)", "for an IPv4-mapped IPv6 prefix Go's address arithmetic "
                    + "mixes the 4- and 16-byte forms and prints 0:5::ffff:a00:0; berth gives the plain 10.0.0.5"),
            Map.entry("length(uuid())", "berth evaluates as a plan does, where uuid() is unknown until apply (as in a "
                    + "Terraform plan); terraform console calls it at once"));
}
