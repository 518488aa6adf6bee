package dev.berth.cli.command;

import dev.berth.engine.config.Config;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Reference;
import dev.berth.engine.eval.Scope;
import dev.berth.engine.run.RunScope;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.value.Value;

/**
 * The console's view of a run's scope. A plan never evaluates a reference the configuration
 * does not declare (validation refuses it first), so {@link RunScope} answers such a reference
 * with an unknown; a typed expression has had no validation, so it is checked here, with
 * Terraform's messages, before the run's scope answers it.
 */
record ConsoleScope(Config config, RunScope run) implements Scope {
    @Override
    public Value resolve(Reference ref, Diagnostics diags) {
        return switch (ref.kind()) {
            case "var" -> config.variables().containsKey(ref.name()) ? run.resolve(ref, diags)
                    : undeclared(ref, diags, "Reference to undeclared input variable",
                    "An input variable with the name \"" + ref.name() + "\" has not been declared."
                    + didYouMean(ref.name(), config.variables().keySet()));
            case "local" -> config.locals().containsKey(ref.name()) ? run.resolve(ref, diags)
                    : undeclared(ref, diags, "Reference to undeclared local value",
                    "A local value with the name \"" + ref.name() + "\" has not been declared."
                    + didYouMean(ref.name(), config.locals().keySet()));
            case "resource", "data" -> {
                boolean data = ref.kind().equals("data");
                ResourceAddr addr = RunScope.addrOf(ref, data ? ResourceAddr.Mode.DATA : ResourceAddr.Mode.MANAGED);
                yield config.resources().containsKey(addr) ? run.resolve(ref, diags)
                        : undeclared(ref, diags, "Reference to undeclared resource", "A " + (data ? "data" : "managed")
                        + " resource \"" + addr.type() + "\" \"" + addr.name() + "\" has not been declared.");
            }
            default -> run.resolve(ref, diags);
        };
    }

    /** Terraform's rule for names in expressions: the nearest declared name fewer than 3 edits away. */
    private static String didYouMean(String typed, java.util.Collection<String> names) {
        return names.stream().filter(n -> Suggestions.distance(typed, n) < 3)
                .min(java.util.Comparator.comparingInt((String n) -> Suggestions.distance(typed, n))
                        .thenComparing(n -> n))
                .map(n -> " Did you mean \"" + n + "\"?").orElse("");
    }

    private static Value undeclared(Reference ref, Diagnostics diags, String summary, String detail) {
        diags.error(summary, detail, ref.range());
        return Value.unknown();
    }
}
