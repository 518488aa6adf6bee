package dev.berth.engine.eval;

import dev.berth.engine.diag.Suggestions;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.functions.Function;
import dev.berth.engine.functions.FunctionException;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.hcl.FunctionCallExpr;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Function calls through the registry, plus the special forms that need unevaluated
 * expressions (can, try) or the filesystem (file, templatefile).
 */
final class FunctionCalls {
    static final Set<String> SPECIAL_FORMS = Set.of("can", "try", "file", "templatefile", "templatestring");

    private final Evaluation ev;

    FunctionCalls(Evaluation ev) {
        this.ev = ev;
    }

    Value call(FunctionCallExpr f, Locals locals) {
        String name = f.name().startsWith("core::") ? f.name().substring("core::".length()) : f.name();
        switch (name) {
            case "can" -> {
                return can(f, locals);
            }
            case "try" -> {
                return tryForm(f, locals);
            }
            case "file", "templatefile" -> {
                return new FileFunctions(ev).call(f, locals);
            }
            case "templatestring" -> {
                return new FileFunctions(ev).templateString(f, locals);
            }
            default -> {
            }
        }
        // core::NAME is Terraform's own spelling of a built-in; other namespaces are providers'.
        if (f.name().contains("::") && !f.name().startsWith("core::")) return providerFunction(f);
        Optional<Function> fn = ev.owner.functions().lookup(f.name());
        if (fn.isEmpty()) {
            Set<String> names = new TreeSet<>(ev.owner.functions().names());
            names.addAll(SPECIAL_FORMS);
            String suggestion = Suggestions.closest(f.name(), names).orElse(null);
            ev.error("Call to unknown function \"" + f.name() + "\"",
                    suggestion != null ? "Did you mean \"" + suggestion + "\"?"
                            : "There is no function named \"" + f.name() + "\".", f.nameRange());
            return Value.unknown();
        }
        List<Value> args = new ArrayList<>();
        for (Expr a : f.args()) args.add(ev.eval(a, locals));
        boolean sensitive = false;
        if (f.expandFinal() && !args.isEmpty()) {
            Value last = args.remove(args.size() - 1);
            sensitive = Marks.sensitive(last);
            last = Marks.unwrap(last);
            if (Marks.unknown(last)) return Marks.mark(Value.unknown(), sensitive);
            if (!(last instanceof ListValue l)) {
                ev.error("Invalid expanding argument: expected a list, but found " + Marks.article(last),
                        "Only a list or tuple can be expanded with \"...\".", f.args().get(f.args().size() - 1).range());
                return Value.unknown();
            }
            args.addAll(l.items());
        }
        return Marks.mark(invoke(fn.get(), f, args), sensitive);
    }

    private Value invoke(Function fn, FunctionCallExpr f, List<Value> args) {
        try {
            Value v = ev.owner.functions().call(fn, args);
            return v == null ? Value.nil() : v;
        } catch (FunctionException e) {
            int i = e.argIndex();
            SourceRange range = i < 0 || f.args().isEmpty() ? f.range()
                    : f.args().get(Math.min(i, f.args().size() - 1)).range();
            String summary = i < 0
                    ? "Invalid call to function \"" + f.name() + "\": " + e.getMessage()
                    : "Invalid value for argument " + (i + 1) + " of function \"" + f.name() + "\": " + e.getMessage();
            ev.error(summary, "Signature: " + fn.signature(), range);
            return Value.unknown();
        } catch (RuntimeException e) {
            ev.error("Call to function \"" + f.name() + "\" failed unexpectedly", e.toString(), f.range());
            return Value.unknown();
        }
    }

    /** can(expr): true when expr evaluates without errors; unknown when that is not yet known. */
    private Value can(FunctionCallExpr f, Locals locals) {
        if (f.args().size() != 1 || f.expandFinal()) {
            ev.error("Invalid number of arguments: can() takes exactly one argument", "", f.range());
            return Value.unknown();
        }
        Diagnostics quiet = new Diagnostics();
        Value v = ev.withDiagnostics(quiet).eval(f.args().get(0), locals);
        if (quiet.hasErrors()) return Value.of(false);
        if (!v.isWhollyKnown()) return Value.unknown();
        return Value.of(true);
    }

    /** try(a, b, ...): the first argument that evaluates without errors. */
    private Value tryForm(FunctionCallExpr f, Locals locals) {
        if (f.args().isEmpty() || f.expandFinal()) {
            ev.error("Invalid number of arguments: try() needs at least one argument", "", f.range());
            return Value.unknown();
        }
        StringBuilder reasons = new StringBuilder();
        for (Expr a : f.args()) {
            Diagnostics quiet = new Diagnostics();
            Value v = ev.withDiagnostics(quiet).eval(a, locals);
            if (!quiet.hasErrors()) {
                // An unknown result might still fail once known, so the choice must wait.
                return v.isWhollyKnown() ? v : Value.unknown();
            }
            if (reasons.length() > 0) reasons.append('\n');
            reasons.append("- ").append(quiet.list().get(0).summary());
        }
        ev.error("No argument of try() could be evaluated without errors", reasons.toString(), f.range());
        return Value.unknown();
    }

    /**
     * {@code provider::NAME::FUNCTION(...)} parses as Terraform's provider-defined function call.
     * berth's only provider, ecs, defines no functions yet, so every such call is an error at
     * the name, worded as Terraform's "Unknown provider function".
     */
    private Value providerFunction(FunctionCallExpr f) {
        String[] parts = f.name().split("::", -1);
        if (parts.length != 3 || !parts[0].equals("provider")) {
            ev.error("Unknown function namespace: \"" + f.name() + "\" is not a function berth knows",
                    "Provider functions are called as provider::NAME::FUNCTION(...).", f.nameRange());
        } else if (parts[1].equals("ecs")) {
            ev.error("Unknown provider function: provider ecs has no function \"" + parts[2] + "\"",
                    "There is no function named \"" + f.name() + "\"; the ecs provider offers no functions.",
                    f.nameRange());
        } else {
            ev.error("Unknown provider function: berth has no provider \"" + parts[1] + "\"",
                    "There is no function named \"" + f.name() + "\"; the only provider is ecs.", f.nameRange());
        }
        return Value.unknown();
    }
}
