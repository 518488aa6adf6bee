package dev.berth.engine.config;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Body;
import dev.berth.engine.hcl.Expr;

import java.util.List;

/**
 * A {@code resource} block. Meta-arguments are pulled out of the body; {@code body} still holds
 * every attribute and nested block, and decoders skip the meta-argument names.
 */
public record ResourceConfig(ResourceAddr addr, Block block, List<Expr> dependsOn, Expr count, Expr forEach,
                             Lifecycle lifecycle, SourceRange range) {

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
