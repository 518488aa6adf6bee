package dev.berth.cli.view.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.eval.Reference;
import dev.berth.engine.eval.References;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.berth.cli.view.json.JsonDocs.NODES;

/**
 * An expression as Terraform's configuration JSON shows it: {@code {"references": [...]}} when it
 * refers to anything, each reference followed by its shorter prefixes down to the object
 * referred to ({@code ecs_service.web.endpoints[0]}, {@code ecs_service.web.endpoints},
 * {@code ecs_service.web}); otherwise {@code {"constant_value": ...}} when it evaluates on its
 * own; otherwise {@code {}}.
 */
final class ExpressionJson {
    private final Evaluator evaluator;

    ExpressionJson(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    ObjectNode of(Expr e) {
        ObjectNode n = NODES.objectNode();
        List<String> refs = references(e);
        if (!refs.isEmpty()) {
            ArrayNode arr = n.putArray("references");
            refs.forEach(arr::add);
            return n;
        }
        constant(e).ifPresent(v -> n.set("constant_value", v));
        return n;
    }

    /** The statically known value of a reference-free expression, sensitive parts hidden. */
    java.util.Optional<JsonNode> constant(Expr e) {
        Diagnostics diags = new Diagnostics();
        Value v = evaluator.evaluate(e, (ref, d) -> Value.unknown(), diags);
        if (diags.hasErrors() || !v.isWhollyKnown()) return java.util.Optional.empty();
        return java.util.Optional.of(Markings.plainOrNull(v));
    }

    static List<String> references(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        for (Reference r : References.of(e)) {
            if (r.kind().equals("self")) continue;
            int base = r.kind().equals("data") ? 3 : 2;
            List<String> prefixes = prefixes(r.text());
            for (int i = prefixes.size() - 1; i >= base - 1; i--) out.add(prefixes.get(i));
        }
        return new ArrayList<>(out);
    }

    /** Every prefix of a traversal ending at a step boundary: "a", "a.b", "a.b[0]". */
    static List<String> prefixes(String text) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && i > 0 && (c == '.' || c == '[')) out.add(text.substring(0, i));
        }
        out.add(text);
        return out;
    }
}
