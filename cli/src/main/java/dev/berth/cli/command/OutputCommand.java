package dev.berth.cli.command;

import dev.berth.cli.view.OutputsJson;
import dev.berth.cli.view.ValueFormatter;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.eval.TypeConstraint;
import dev.berth.engine.hcl.ScopeTraversalExpr;
import dev.berth.engine.run.DeclaredTypes;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValueJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;

@Command(name = "output", description = "Show output values from the state.")
final class OutputCommand extends WorkspaceCommand {
    @Parameters(paramLabel = "NAME", arity = "0..1")
    String name;

    @Option(names = "-json", description = "Print machine-readable JSON.")
    boolean json;

    @Option(names = "-raw", description = "Print a single string, number or bool output without quotes.")
    boolean raw;

    @Override
    int run(Workspace ws) {
        Map<String, OutputState> outputs = ws.stateExists()
                ? ws.store().read().outputs() : Map.of();
        if (name == null) {
            if (raw) throw new Errors.UserError("-raw needs the name of one output.");
            if (json) {
                term.out().println(OutputsJson.render(outputs, declaredTypes(ws)));
                return 0;
            }
            if (outputs.isEmpty()) {
                term.err().println("Warning: No outputs found. The state has no outputs yet; define output blocks "
                        + "and apply.");
                return 0;
            }
            ValueFormatter f = new ValueFormatter();
            outputs.forEach((k, o) -> term.out().println(k + " = " + (o.sensitive() ? "<sensitive>" : f.format(o.value()))));
            return 0;
        }
        OutputState o = outputs.get(name);
        if (o == null) {
            throw new Errors.UserError("Output \"" + name + "\" not found: the state has no output of that name"
                    + (outputs.isEmpty() ? "." : "; it has " + String.join(", ", outputs.keySet()) + "."));
        }
        Value v = o.value();
        if ((json || raw) && (o.sensitive() || v.containsSensitive())) {
            throw new Errors.UserError("Output \"" + name + "\" is sensitive, and berth never prints sensitive values. "
                    + "To expose it on purpose, set its value with nonsensitive() in the output block.");
        }
        if (json) {
            term.out().println(ValueJson.toJson(v.unmarked()));
        } else if (raw) {
            Value plain = v.unmarked();
            if (plain instanceof ListValue || plain instanceof MapValue || plain.isNull()) {
                throw new Errors.UserError("Unsupported value for raw output: output \"" + name + "\" is a "
                        + plain.typeName() + "; -raw prints only strings, numbers and bools. Use -json instead.");
            }
            term.out().print(new ValueFormatter().raw(plain));
        } else {
            term.out().println(o.sensitive() ? "<sensitive>" : new ValueFormatter().format(v));
        }
        return 0;
    }

    /**
     * Terraform keeps each output's type in its state; berth's state holds values only, so the
     * type a list(string) variable or attribute declares is read from the configuration. An
     * output whose configuration cannot be read, or whose value does not fit, is typed from its
     * value alone.
     */
    private static Map<String, TypeConstraint> declaredTypes(Workspace ws) {
        ConfigLoader.Result loaded = ws.loadConfig();
        if (loaded.diagnostics().stream().anyMatch(Diagnostic::isError)) return Map.of();
        return declaredTypes(loaded.config(), ws);
    }

    /** The types the configuration declares for its outputs, where it declares one (see above). */
    static Map<String, TypeConstraint> declaredTypes(dev.berth.engine.config.Config config, Workspace ws) {
        DeclaredTypes types = new DeclaredTypes(config, ws.providersWithoutState());
        Map<String, TypeConstraint> out = new java.util.HashMap<>();
        config.outputs().forEach((name, o) -> {
            if (o.value() instanceof ScopeTraversalExpr t) types.of(t).ifPresent(type -> out.put(name, type));
        });
        return out;
    }
}
