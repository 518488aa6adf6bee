package dev.berth.engine.config;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.diag.Suggestions;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes {@code backend "pg"} with Terraform's argument names: {@code conn_str},
 * {@code schema_name}, {@code skip_schema_creation}; {@code skip_table_creation} and
 * {@code skip_index_creation} are accepted and ignored (berth creates its tables only where they
 * are missing). As in Terraform, a configuration has at most one backend.
 */
final class BackendDecoder {
    static final String PG = "pg";
    private static final List<String> STRINGS = List.of("conn_str", "schema_name");
    private static final List<String> BOOLS = List.of("skip_schema_creation", "skip_table_creation", "skip_index_creation");

    private final Diagnostics diags;
    private final StaticEvaluator statics;
    private SourceRange first;
    private BackendConfig config;

    BackendDecoder(Diagnostics diags, StaticEvaluator statics) {
        this.diags = diags;
        this.statics = statics;
    }

    Optional<BackendConfig> config() {
        return Optional.ofNullable(config);
    }

    /** Whether this backend type is one berth acts on; others are the caller's to warn about. */
    static boolean supported(String type) {
        return type.equals(PG);
    }

    void decode(Block b) {
        if (first != null) {
            diags.error("Duplicate backend configuration: a configuration has one backend, and one was already"
                    + " configured at " + first.file() + ":" + first.line() + ".", "", b.typeRange());
            return;
        }
        first = b.typeRange();
        List<String> allowed = new java.util.ArrayList<>(STRINGS);
        allowed.addAll(BOOLS);
        Map<String, Value> args = new LinkedHashMap<>();
        Map<String, SourceRange> ranges = new LinkedHashMap<>();
        for (Attribute a : b.body().attributes()) {
            String what = a.name() + " in backend \"pg\"";
            if (STRINGS.contains(a.name())) {
                statics.string(a.expr(), what, diags).ifPresent(v -> {
                    if (v.isEmpty()) {
                        diags.error("Invalid value for " + what + ": it must not be empty.", "", a.expr().range());
                    } else {
                        args.put(a.name(), new StringValue(v));
                        ranges.put(a.name(), a.expr().range());
                    }
                });
            } else if (BOOLS.contains(a.name())) {
                args.put(a.name(), Value.of(statics.bool(a.expr(), what, diags)));
                ranges.put(a.name(), a.expr().range());
                if (!a.name().equals("skip_schema_creation")) {
                    diags.add(Diagnostic.warning("Ignored setting: " + a.name() + " in backend \"pg\" is ignored",
                            "berth creates its tables and indexes only where they are missing.", a.nameRange()));
                }
            } else {
                diags.error("Unsupported argument: an argument named \"" + a.name() + "\" is not expected in a"
                                + " backend \"pg\" block." + Suggestions.didYouMean(a.name(), allowed),
                        "Valid arguments are: " + String.join(", ", allowed) + ".", a.nameRange());
            }
        }
        for (Block nested : b.body().blocks()) {
            diags.error("Unsupported block type: blocks of type \"" + nested.type()
                    + "\" are not expected in a backend \"pg\" block.", "", nested.typeRange());
        }
        config = new BackendConfig(PG, args, ranges, b.typeRange());
    }
}
