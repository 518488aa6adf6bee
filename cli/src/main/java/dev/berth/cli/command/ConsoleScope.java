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
                    "An input variable with the name \"" + ref.name() + "\" has not been declared.");
            case "local" -> config.locals().containsKey(ref.name()) ? run.resolve(ref, diags)
                    : undeclared(ref, diags, "Reference to undeclared local value",
                    "A local value with the name \"" + ref.name() + "\" has not been declared.");
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

    private static Value undeclared(Reference ref, Diagnostics diags, String summary, String detail) {
        diags.error(summary, detail, ref.range());
        return Value.unknown();
    }
}
