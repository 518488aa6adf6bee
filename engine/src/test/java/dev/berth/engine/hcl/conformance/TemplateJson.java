package dev.berth.engine.hcl.conformance;

import dev.berth.engine.hcl.ConditionalExpr;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.hcl.LiteralExpr;
import dev.berth.engine.hcl.TemplateExpr;
import dev.berth.engine.hcl.TemplatePart;
import dev.berth.engine.hcl.TemplateWrapExpr;
import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;

import java.util.List;

/**
 * Templates as hcl2json writes them: literal text (after escapes and strip markers) with "${" and
 * "%{" re-escaped, interpolations as "${source}", directives rebuilt as "%{if cond}...%{endif}"
 * and "%{for k, v in coll}...%{endfor}" with canonical spacing. HashiCorp's AST cannot tell an
 * interpolated conditional from an if directive, so hcl2json prints both as a directive.
 */
final class TemplateJson {
    private final HclJson json;

    TemplateJson(HclJson json) {
        this.json = json;
    }

    String template(TemplateExpr t) {
        return parts(t.parts());
    }

    String parts(List<TemplatePart> parts) {
        StringBuilder sb = new StringBuilder();
        for (TemplatePart p : parts) sb.append(part(p));
        return sb.toString();
    }

    private String part(TemplatePart p) {
        if (p instanceof TemplatePart.Literal l) return escape(l.text());
        if (p instanceof TemplatePart.Interpolation i) return part(i.expr());
        if (p instanceof TemplatePart.If f) {
            return conditional(json.source(f.condition()), parts(f.thenParts()), parts(f.elseParts()));
        }
        TemplatePart.For f = (TemplatePart.For) p;
        return "%{for " + (f.keyVar() == null ? "" : f.keyVar() + ", ") + f.valueVar() + " in "
                + json.source(f.collection()) + "}" + parts(f.body()) + "%{endfor}";
    }

    /** One expression inside a template, or an object key that is not a plain name. */
    String part(Expr e) {
        if (e instanceof LiteralExpr l) {
            if (l.value() instanceof StringValue s) return escape(s.value());
            if (l.value() instanceof NumberValue n) return n.value().stripTrailingZeros().toPlainString();
            if (l.value() instanceof BoolValue b) return String.valueOf(b.value());
            return "";
        }
        if (e instanceof TemplateExpr t) return template(t);
        if (e instanceof TemplateWrapExpr w) return part(w.wrapped());
        if (e instanceof ConditionalExpr c) {
            return conditional(json.source(c.condition()), part(c.trueResult()), part(c.falseResult()));
        }
        return json.wrap(e);
    }

    private static String conditional(String cond, String then, String otherwise) {
        return "%{if " + cond + "}" + then + (otherwise.isEmpty() ? "" : "%{else}" + otherwise) + "%{endif}";
    }

    /** hcl2json keeps literal "${" and "%{" escaped so its output can be read back as HCL. */
    static String escape(String text) {
        return text.replace("${", "$${").replace("%{", "%%{");
    }
}
