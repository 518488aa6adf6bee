package dev.berth.engine.run;

import dev.berth.engine.config.Config;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.PrimitiveAttributes;
import dev.berth.engine.eval.References;
import dev.berth.engine.eval.TypeConstraint;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Body;
import dev.berth.engine.hcl.ConfigFile;
import dev.berth.engine.hcl.ScopeTraversalExpr;
import dev.berth.engine.provider.Providers;

import java.util.List;

/**
 * Terraform refuses {@code ecs_service.web.endpoints[0].port} at validate: endpoints is
 * list(string), so its element is a string, which has no attributes. Before apply such a value is
 * unknown, and the evaluator, which sees only values, cannot tell; the declared type
 * ({@link DeclaredTypes}) can. This check reports every static reference that reads an attribute
 * from a string, number, bool or list. Where the evaluator also sees the value (a configured
 * attribute, a variable's value at plan) it reports the identical diagnostic, and a run prints
 * it once.
 */
final class PrimitiveAttributeCheck {
    private PrimitiveAttributeCheck() {
    }

    static void check(Config config, Providers providers, Diagnostics diags) {
        DeclaredTypes types = new DeclaredTypes(config, providers);
        for (ConfigFile f : config.files()) {
            attributes(f.body().attributes(), types, diags);
            // Each top-level block on its own, so on every core; the findings keep the file's order.
            List<Diagnostics> found = f.body().blocks().parallelStream().map(b -> {
                Diagnostics d = new Diagnostics();
                body(b.body(), types, d);
                return d;
            }).toList();
            found.forEach(diags::addAll);
        }
    }

    private static void body(Body body, DeclaredTypes types, Diagnostics diags) {
        attributes(body.attributes(), types, diags);
        for (Block b : body.blocks()) body(b.body(), types, diags);
    }

    private static void attributes(List<Attribute> attributes, DeclaredTypes types, Diagnostics diags) {
        for (Attribute a : attributes) {
            for (ScopeTraversalExpr t : References.traversals(a.expr())) {
                types.misread(t).ifPresent(m -> {
                    String attr = m.step().name();
                    if (m.type() instanceof TypeConstraint.Primitive p) {
                        diags.error(PrimitiveAttributes.summary(p.name()), PrimitiveAttributes.detail(p.name(), attr),
                                m.step().range());
                    } else {
                        diags.error(PrimitiveAttributes.listSummary(attr), PrimitiveAttributes.listDetail(attr),
                                m.step().range());
                    }
                });
            }
        }
    }
}
