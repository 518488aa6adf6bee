package dev.berth.engine.config;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.eval.Reference;
import dev.berth.engine.eval.References;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Body;
import dev.berth.engine.hcl.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code resource} block. Meta-arguments are pulled out of the body; {@code body} still holds
 * every attribute and nested block, and decoders skip the meta-argument names.
 */
public record ResourceConfig(ResourceAddr addr, Block block, List<Expr> dependsOn, Expr count, Expr forEach,
                             Lifecycle lifecycle, SourceRange range, List<Reference> references) {

    /**
     * {@code references}: what the body (but its lifecycle block and depends_on attribute) and
     * depends_on refer to, in source order. Found once here: the graph, each instance's plan and
     * the cost estimate all ask, and a walk of the syntax tree per ask was a tenth of a large plan.
     */
    public ResourceConfig(ResourceAddr addr, Block block, List<Expr> dependsOn, Expr count, Expr forEach,
                          Lifecycle lifecycle, SourceRange range) {
        this(addr, block, dependsOn, count, forEach, lifecycle, range, referencesOf(block.body(), dependsOn));
    }

    public ResourceConfig {
        references = List.copyOf(references);
    }

    private static List<Reference> referencesOf(Body body, List<Expr> dependsOn) {
        List<Reference> refs = new ArrayList<>();
        collect(body, refs);
        dependsOn.forEach(e -> refs.addAll(References.of(e)));
        return refs;
    }

    private static void collect(Body body, List<Reference> refs) {
        for (Attribute a : body.attributes()) {
            if (!a.name().equals("depends_on")) refs.addAll(References.of(a.expr()));
        }
        for (Block b : body.blocks()) {
            if (!b.type().equals("lifecycle")) collect(b.body(), refs);
        }
    }

    /** Meta-argument names that are the engine's, never the provider's. */
    public static final List<String> META_ARGUMENTS = List.of("count", "for_each", "depends_on", "provider");
    public static final List<String> META_BLOCKS = List.of("lifecycle");

    public Body body() {
        return block.body();
    }

    public record Lifecycle(boolean preventDestroy, boolean createBeforeDestroy, List<String> ignoreChanges,
                            boolean ignoreAllChanges) {
        public static final Lifecycle DEFAULT = new Lifecycle(false, false, List.of(), false);
    }
}
