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
            Map.entry("length(uuid())", "berth evaluates as a plan does, where uuid() is unknown until apply (as in a "
                    + "Terraform plan); terraform console calls it at once"));
}
