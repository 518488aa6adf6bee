package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.hcl.FunctionCallExpr;
import dev.berth.engine.hcl.LiteralExpr;
import dev.berth.engine.hcl.TemplateExpr;
import dev.berth.engine.hcl.TemplateWrapExpr;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * file(path) and templatefile(path, vars), resolved against the evaluator's base directory, and
 * templatestring(template, vars), which renders a template that came from elsewhere.
 */
final class FileFunctions {
    private final Evaluation ev;

    FileFunctions(Evaluation ev) {
        this.ev = ev;
    }

    Value call(FunctionCallExpr f, Locals locals) {
        boolean template = f.name().equals("templatefile");
        int expected = template ? 2 : 1;
        if (f.args().size() != expected || f.expandFinal()) {
            ev.error("Invalid number of arguments: " + f.name() + "() takes " + expected
                    + (expected == 1 ? " argument" : " arguments"),
                    template ? "Signature: templatefile(path, vars)" : "Signature: file(path)", f.range());
            return Value.unknown();
        }
        Value pathValue = ev.eval(f.args().get(0), locals);
        Value vars = template ? ev.eval(f.args().get(1), locals) : Value.nil();
        boolean sensitive = Marks.sensitive(pathValue);
        pathValue = Marks.unwrap(pathValue);
        if (Marks.unknown(pathValue) || (template && !vars.isWhollyKnown())) {
            return Marks.mark(Value.unknown(), sensitive || vars.containsSensitive());
        }
        if (!(pathValue instanceof StringValue p)) {
            ev.error("Invalid value for argument 1 of function \"" + f.name() + "\": expected a string, but found "
                    + Marks.article(pathValue), "", f.args().get(0).range());
            return Value.unknown();
        }
        String text = read(p.value(), f);
        if (text == null) return Value.unknown();
        if (!template) return Marks.mark(Value.of(text), sensitive);
        return Marks.mark(render(p.value(), text, vars, f), sensitive);
    }

    /**
     * templatestring(ref, vars). As in Terraform, the template must come from a value (a
     * reference or a call), not be written in place: a literal would already have been rendered.
     */
    Value templateString(FunctionCallExpr f, Locals locals) {
        if (f.args().size() != 2 || f.expandFinal()) {
            ev.error("Invalid number of arguments: templatestring() takes 2 arguments",
                    "Signature: templatestring(template, vars)", f.range());
            return Value.unknown();
        }
        Expr source = f.args().get(0);
        if (source instanceof TemplateExpr || source instanceof LiteralExpr || source instanceof TemplateWrapExpr) {
            ev.error("Invalid value for argument 1 of function \"templatestring\": invalid template expression",
                    "templatestring is only for rendering templates retrieved dynamically from elsewhere, and so does "
                            + "not support providing a literal template; consider using a template string expression instead.",
                    source.range());
            return Value.unknown();
        }
        Value template = ev.eval(source, locals);
        Value vars = ev.eval(f.args().get(1), locals);
        boolean sensitive = Marks.sensitive(template);
        template = Marks.unwrap(template);
        if (Marks.unknown(template) || !vars.isWhollyKnown()) {
            return Marks.mark(Value.unknown(), sensitive || vars.containsSensitive());
        }
        if (!(template instanceof StringValue t)) {
            ev.error("Invalid value for argument 1 of function \"templatestring\": expected a string, but found "
                    + Marks.article(template), "", source.range());
            return Value.unknown();
        }
        return Marks.mark(render("<templatestring>", t.value(), vars, f), sensitive);
    }

    private String read(String name, FunctionCallExpr f) {
        Path base = ev.owner.baseDir() == null ? Path.of(".") : ev.owner.baseDir();
        try {
            byte[] bytes = Files.readAllBytes(base.resolve(name));
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            ev.error("Invalid value for argument 1 of function \"" + f.name() + "\": no file exists at \"" + name + "\"",
                    "Relative paths are resolved from " + base.toAbsolutePath().normalize() + ".", f.args().get(0).range());
        } catch (CharacterCodingException e) {
            ev.error("Invalid value for argument 1 of function \"" + f.name() + "\": the file \"" + name
                    + "\" is not valid UTF-8 text", "Use filebase64() to read binary files.", f.args().get(0).range());
        } catch (InvalidPathException e) {
            ev.error("Invalid value for argument 1 of function \"" + f.name() + "\": \"" + name + "\" is not a path a "
                    + "file can have", e.getReason() + ".", f.args().get(0).range());
        } catch (IOException e) {
            ev.error("Invalid value for argument 1 of function \"" + f.name() + "\": cannot read \"" + name + "\"",
                    e.toString(), f.args().get(0).range());
        }
        return null;
    }

    private Value render(String name, String text, Value vars, FunctionCallExpr f) {
        Value plainVars = Marks.unwrap(vars);
        if (!(plainVars instanceof MapValue m)) {
            ev.error("Invalid value for argument 2 of function \"templatefile\": expected a map of variables, but found "
                    + Marks.article(plainVars), "", f.args().get(1).range());
            return Value.unknown();
        }
        ParseResult parsed = HclParser.parseTemplate(name, text);
        if (parsed.hasErrors() || parsed.expression() == null) {
            for (Diagnostic d : parsed.diagnostics()) ev.diags.add(d);
            return Value.unknown();
        }
        Locals locals = Locals.EMPTY;
        for (Map.Entry<String, Value> e : m.entries().entrySet()) locals = locals.bind(e.getKey(), e.getValue());
        Diagnostics sink = ev.diags;
        Value v = new Evaluation(ev.owner, ev.scope, sink, true).eval(parsed.expression(), locals);
        return Marks.mark(v, Marks.sensitive(vars));
    }
}
