package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.List;
import java.util.Optional;

/** A quoted string or heredoc: literal text, interpolations and directives. */
public record TemplateExpr(List<TemplatePart> parts, SourceRange range) implements Expr {
    public TemplateExpr {
        parts = List.copyOf(parts);
    }

    /** The text when the template has no interpolations or directives. */
    public Optional<String> staticText() {
        StringBuilder sb = new StringBuilder();
        for (TemplatePart p : parts) {
            if (!(p instanceof TemplatePart.Literal l)) return Optional.empty();
            sb.append(l.text());
        }
        return Optional.of(sb.toString());
    }
}
