package dev.berth.engine.run;

import dev.berth.engine.diag.Suggestions;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.VariableConfig;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.eval.TypeConstraint;
import dev.berth.engine.eval.TypeConstraints;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import dev.berth.engine.types.PrimitiveType;
import dev.berth.engine.types.Type;
import dev.berth.engine.types.TypeConversionException;
import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The root module's input variables: values given by the user (as text, the way -var gives
 * them) or the declared defaults, converted to each declared type and checked by its
 * validation blocks.
 */
public final class VariableValues {
    private VariableValues() {
    }

    /**
     * A value as the user gave it and where it came from ("-var", a file name, an environment
     * variable): text, or an already parsed expression from a variables file.
     */
    public record Raw(String text, String source, boolean isExpression, Expr expr) {
        public Raw(String text, String source, boolean isExpression) {
            this(text, source, isExpression, null);
        }

        public static Raw parsed(Expr expr, String source) {
            return new Raw(null, source, true, expr);
        }
    }

    public static Map<String, Value> resolve(Config config, Map<String, Raw> given, Evaluator evaluator,
                                             Diagnostics diags) {
        return resolve(config, given, evaluator, diags, false);
    }

    /**
     * As {@link #resolve(Config, Map, Evaluator, Diagnostics)}; with {@code unsetIsUnknown} a required
     * variable nobody set is unknown rather than an error, as Terraform's console has it.
     */
    public static Map<String, Value> resolve(Config config, Map<String, Raw> given, Evaluator evaluator,
                                             Diagnostics diags, boolean unsetIsUnknown) {
        for (String name : given.keySet()) {
            if (!config.variables().containsKey(name)) {
                diags.error("Value for undeclared variable: a variable named \"" + name + "\" was assigned with "
                        + given.get(name).source() + ", but the configuration does not declare a variable of that name."
                        + Suggestions.didYouMean(name, config.variables().keySet()),
                        "Declare it with a variable \"" + name + "\" block, or remove the assignment.", null);
            }
        }
        Map<String, Value> out = new TreeMap<>();
        for (VariableConfig v : config.variables().values()) {
            Diagnostics d = new Diagnostics();
            Type type = v.type() == null ? Type.ANY : toType(TypeConstraints.parse(v.type(), d), evaluator, d);
            boolean unknownUnset = unsetIsUnknown && v.defaultValue() == null && !given.containsKey(v.name());
            Value value = unknownUnset ? Value.unknown() : value(v, type, given.get(v.name()), evaluator, d);
            // Marked before validation, so a message built from a sensitive value knows it is one.
            Value marked = v.sensitive() && !value.isNull() ? Value.sensitive(value) : value;
            if (!d.hasErrors() && !unknownUnset) validate(v, marked, evaluator, d);
            diags.addAll(d);
            out.put(v.name(), marked);
        }
        return out;
    }

    private static Value value(VariableConfig v, Type type, Raw raw, Evaluator evaluator, Diagnostics d) {
        Value value;
        String source;
        if (raw != null) {
            source = raw.source();
            value = parse(raw, type, evaluator, d);
        } else if (v.defaultValue() != null) {
            source = "its default";
            value = evaluator.evaluate(v.defaultValue(), noReferences(), d);
        } else {
            d.error("No value for required variable: the variable \"" + v.name() + "\" is not set and has no default.",
                    "Set it with -var '" + v.name() + "=...' on the command line.", v.range());
            return Value.unknown();
        }
        if (d.hasErrors()) return Value.unknown();
        if (value.isNull() && !v.nullable()) {
            d.error("Required variable not set: the variable \"" + v.name() + "\" is not nullable, but " + source
                    + " is null.", "", v.range());
            return Value.unknown();
        }
        try {
            return type.convert(value);
        } catch (TypeConversionException e) {
            d.error("Invalid value for variable \"" + v.name() + "\" from " + source + ": " + e.getMessage(),
                    "The variable takes a " + type.friendlyName() + ".", v.range());
            return Value.unknown();
        }
    }

    /** Text for a primitive type is taken literally; anything else is parsed as an HCL expression. */
    private static Value parse(Raw raw, Type type, Evaluator evaluator, Diagnostics d) {
        if (raw.expr() != null) return evaluator.evaluate(raw.expr(), noReferences(), d);
        if (!raw.isExpression() && (type instanceof PrimitiveType || type == Type.ANY)) return Value.of(raw.text());
        ParseResult parsed = HclParser.parseExpression(raw.source(), raw.text());
        if (parsed.hasErrors()) {
            d.addAll(parsed.diagnostics());
            return Value.unknown();
        }
        return evaluator.evaluate(parsed.expression(), noReferences(), d);
    }

    private static void validate(VariableConfig v, Value value, Evaluator evaluator, Diagnostics d) {
        for (Block rule : v.validations()) {
            Optional<Attribute> condition = rule.body().attribute("condition");
            Optional<Attribute> message = rule.body().attribute("error_message");
            if (condition.isEmpty() || message.isEmpty()) {
                d.error("Invalid validation block: a validation needs both condition and error_message.", "",
                        rule.typeRange());
                continue;
            }
            Value ok = evaluator.evaluate(condition.get().expr(), (ref, diags) -> {
                if (ref.kind().equals("var") && ref.name().equals(v.name())) return value;
                diags.add(Diagnostic.error("Invalid reference in variable validation: the condition for variable \""
                        + v.name() + "\" can only refer to var." + v.name() + ".", "", ref.range()));
                return Value.unknown();
            }, d).unmarked();
            if (!ok.isWhollyKnown() || d.hasErrors()) continue;
            if (!(ok instanceof BoolValue b)) {
                d.error("Invalid validation condition: it must be a bool, but it is a " + ok.typeName() + ".", "",
                        condition.get().expr().range());
            } else if (!b.value()) {
                Value marked = evaluator.evaluate(message.get().expr(), (ref, diags) -> value, d);
                Value text = marked.unmarked();
                // As Terraform: a message built from a sensitive value is not shown at all.
                String shown = marked.containsSensitive()
                        ? "the error message included a sensitive value, so it will not be displayed."
                        : text instanceof StringValue s ? s.value() : "the validation condition failed.";
                d.error("Invalid value for variable \"" + v.name() + "\": " + shown,
                        "This was checked by the validation rule at " + rule.range().file() + ":"
                                + rule.range().line() + ".", condition.get().expr().range());
            }
        }
    }

    /** A default must be a constant of the attribute's type; null means "no default". */
    private static Value defaultValue(String name, Expr expr, Type type, Evaluator evaluator, Diagnostics d) {
        Value v = evaluator.evaluate(expr, noReferences(), d);
        if (v.isNull() || !v.isWhollyKnown()) return null;
        try {
            type.convert(v);
            return v;
        } catch (TypeConversionException e) {
            d.error("Invalid default value for optional attribute \"" + name + "\": " + e.getMessage(),
                    "The default must be a " + type.friendlyName() + ".", expr.range());
            return null;
        }
    }

    private static dev.berth.engine.eval.Scope noReferences() {
        return (ref, diags) -> {
            diags.add(Diagnostic.error("Variables not allowed: \"" + ref.text() + "\" cannot be used here.",
                    "A variable's value must be a constant.", ref.range()));
            return Value.unknown();
        };
    }

    /** The parser's type constraint in the shared type model; optional() defaults are not evaluated. */
    static Type toType(TypeConstraint c) {
        return toType(c, null, null);
    }

    /** The type, with each optional(T, default) default evaluated as a constant when an evaluator is given. */
    static Type toType(TypeConstraint c, Evaluator evaluator, Diagnostics d) {
        if (c == null) return Type.ANY;
        if (c instanceof TypeConstraint.Primitive p) {
            return switch (p.name()) {
                case "number" -> Type.NUMBER;
                case "bool" -> Type.BOOL;
                default -> Type.STRING;
            };
        }
        if (c instanceof TypeConstraint.Collection col) {
            Type e = toType(col.element(), evaluator, d);
            return switch (col.kind()) {
                case "list" -> Type.list(e);
                case "set" -> Type.set(e);
                default -> Type.map(e);
            };
        }
        if (c instanceof TypeConstraint.ObjectType o) {
            Map<String, Type> attrs = new LinkedHashMap<>();
            Set<String> optional = new HashSet<>();
            Map<String, Value> defaults = new LinkedHashMap<>();
            o.attributes().forEach((k, t) -> {
                if (t instanceof TypeConstraint.Optional opt) {
                    optional.add(k);
                    Type attrType = toType(opt.type(), evaluator, d);
                    attrs.put(k, attrType);
                    if (opt.defaultValue() != null && evaluator != null) {
                        Value fallback = defaultValue(k, opt.defaultValue(), attrType, evaluator, d);
                        if (fallback != null) defaults.put(k, fallback);
                    }
                } else {
                    attrs.put(k, toType(t, evaluator, d));
                }
            });
            return Type.object(attrs, optional, defaults);
        }
        if (c instanceof TypeConstraint.TupleType t) {
            return Type.tuple(t.elements().stream().map(e -> toType(e, evaluator, d)).toList());
        }
        if (c instanceof TypeConstraint.Optional opt) return toType(opt.type(), evaluator, d);
        return Type.ANY;
    }
}
