package dev.berth.engine.config;

import dev.berth.engine.diag.Suggestions;
import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.Body;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.hcl.ScopeTraversalExpr;
import dev.berth.engine.hcl.TupleConsExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Decodes the engine's own top-level blocks; resource bodies are checked later against schemas. */
final class BlockDecoder {
    private static final List<String> VARIABLE_ARGS = List.of("default", "description", "nullable", "sensitive", "type");
    private static final List<String> OUTPUT_ARGS = List.of("depends_on", "description", "sensitive", "value");
    private static final List<String> LIFECYCLE_ARGS = List.of("create_before_destroy", "ignore_changes", "prevent_destroy");

    private final StaticEvaluator statics;
    private final Diagnostics diags;

    BlockDecoder(StaticEvaluator statics, Diagnostics diags) {
        this.statics = statics;
        this.diags = diags;
    }

    Optional<VariableConfig> variable(Block b) {
        if (!labels(b, 1, "variable \"NAME\"")) return Optional.empty();
        Body body = b.body();
        onlyArguments(body, VARIABLE_ARGS, "variable");
        onlyBlocks(body, List.of("validation"), "variable");
        String description = body.attribute("description")
                .flatMap(a -> statics.string(a.expr(), "description", diags)).orElse("");
        boolean sensitive = body.attribute("sensitive").map(a -> statics.bool(a.expr(), "sensitive", diags)).orElse(false);
        boolean nullable = body.attribute("nullable").map(a -> statics.bool(a.expr(), "nullable", diags)).orElse(true);
        return Optional.of(new VariableConfig(b.labels().get(0), expr(body, "type"), expr(body, "default"), description,
                sensitive, nullable, body.blocks("validation"), b.range()));
    }

    List<LocalConfig> locals(Block b) {
        if (!labels(b, 0, "locals")) return List.of();
        onlyBlocks(b.body(), List.of(), "locals");
        List<LocalConfig> out = new ArrayList<>();
        for (Attribute a : b.body().attributes()) out.add(new LocalConfig(a.name(), a.expr(), a.range()));
        return out;
    }

    Optional<OutputConfig> output(Block b) {
        if (!labels(b, 1, "output \"NAME\"")) return Optional.empty();
        Body body = b.body();
        onlyArguments(body, OUTPUT_ARGS, "output");
        onlyBlocks(body, List.of(), "output");
        Optional<Attribute> value = body.attribute("value");
        if (value.isEmpty()) {
            diags.error("Missing required argument: the argument \"value\" is required in output \""
                    + b.labels().get(0) + "\".", "", b.typeRange());
            return Optional.empty();
        }
        String description = body.attribute("description")
                .flatMap(a -> statics.string(a.expr(), "description", diags)).orElse("");
        boolean sensitive = body.attribute("sensitive").map(a -> statics.bool(a.expr(), "sensitive", diags)).orElse(false);
        return Optional.of(new OutputConfig(b.labels().get(0), value.get().expr(), description, sensitive,
                dependsOn(body), b.range()));
    }

    Optional<ResourceConfig> resource(Block b) {
        if (!labels(b, 2, "resource \"TYPE\" \"NAME\"")) return Optional.empty();
        Body body = b.body();
        ResourceConfig.Lifecycle lifecycle = ResourceConfig.Lifecycle.DEFAULT;
        List<Block> lifecycles = body.blocks("lifecycle");
        if (lifecycles.size() > 1) {
            diags.error("Duplicate lifecycle block: only one is allowed per resource.", "", lifecycles.get(1).typeRange());
        }
        if (!lifecycles.isEmpty()) lifecycle = lifecycle(lifecycles.get(0));
        if (body.attribute("count").isPresent() && body.attribute("for_each").isPresent()) {
            diags.error("Invalid combination of \"count\" and \"for_each\": a resource may use one of them, not both.",
                    "", body.attribute("for_each").get().nameRange());
        }
        return Optional.of(new ResourceConfig(new ResourceAddr(b.labels().get(0), b.labels().get(1)), b, dependsOn(body),
                expr(body, "count"), expr(body, "for_each"), lifecycle, b.range()));
    }

    /**
     * A {@code data} block: count, for_each, depends_on and provider as for resources. Its
     * lifecycle block may hold only Terraform's pre- and postconditions, which berth does not run
     * yet, so any content there is an error rather than a check silently skipped.
     */
    Optional<ResourceConfig> data(Block b) {
        if (!labels(b, 2, "data \"TYPE\" \"NAME\"")) return Optional.empty();
        Body body = b.body();
        for (Block lc : body.blocks("lifecycle")) {
            for (Attribute a : lc.body().attributes()) {
                diags.error("Invalid data resource lifecycle argument: the lifecycle argument \"" + a.name()
                        + "\" is defined only for managed resources (\"resource\" blocks), and is not valid for data "
                        + "resources.", "", a.nameRange());
            }
            for (Block nested : lc.body().blocks()) {
                diags.error("Unsupported block type: berth does not support " + nested.type()
                        + " blocks in data resources yet.", "Check the result with an output or a resource instead.",
                        nested.typeRange());
            }
        }
        if (body.attribute("count").isPresent() && body.attribute("for_each").isPresent()) {
            diags.error("Invalid combination of \"count\" and \"for_each\": a data resource may use one of them, "
                    + "not both.", "", body.attribute("for_each").get().nameRange());
        }
        return Optional.of(new ResourceConfig(ResourceAddr.data(b.labels().get(0), b.labels().get(1)), b,
                dependsOn(body), expr(body, "count"), expr(body, "for_each"), ResourceConfig.Lifecycle.DEFAULT,
                b.range()));
    }

    Optional<MovedConfig> moved(Block b) {
        if (!labels(b, 0, "moved")) return Optional.empty();
        Body body = b.body();
        onlyArguments(body, List.of("from", "to"), "moved");
        onlyBlocks(body, List.of(), "moved");
        Optional<Attribute> from = body.attribute("from");
        Optional<Attribute> to = body.attribute("to");
        if (from.isEmpty() || to.isEmpty()) {
            diags.error("Missing required argument: a moved block needs both from and to.", "", b.typeRange());
            return Optional.empty();
        }
        Optional<ResourceInstanceAddr> f = movedAddress(from.get());
        Optional<ResourceInstanceAddr> t = movedAddress(to.get());
        if (f.isEmpty() || t.isEmpty()) return Optional.empty();
        if (f.get().isData() || t.get().isData()) {
            diags.error("Invalid moved block: a data resource cannot be moved; only managed resources (resource "
                    + "blocks) can.", "A data resource is read again by every plan, so it needs no moved block.",
                    (f.get().isData() ? from : to).get().expr().range());
            return Optional.empty();
        }
        boolean fromWhole = f.get().key() instanceof InstanceKey.None;
        if (fromWhole != (t.get().key() instanceof InstanceKey.None)) {
            diags.error("Invalid moved block: from and to must both name whole resources or both name instances.",
                    "", b.typeRange());
            return Optional.empty();
        }
        if (!f.get().type().equals(t.get().type())) {
            diags.error("Resource type mismatch: a moved block cannot change the resource type (" + f.get().type()
                    + " to " + t.get().type() + ").", "", to.get().expr().range());
            return Optional.empty();
        }
        return Optional.of(new MovedConfig(f.get(), t.get(), fromWhole, b.range()));
    }

    /** A moved address is a plain reference: TYPE.NAME, optionally with one literal index. */
    private Optional<ResourceInstanceAddr> movedAddress(Attribute a) {
        Optional<ResourceInstanceAddr> parsed = a.expr() instanceof ScopeTraversalExpr t
                ? ResourceInstanceAddr.parse(sourceText(t)) : Optional.empty();
        if (parsed.isEmpty()) {
            diags.error("Invalid address in moved block: expected a resource address such as ecs_service.web or "
                    + "ecs_service.web[0].", "", a.expr().range());
        }
        return parsed;
    }

    private static String sourceText(ScopeTraversalExpr t) {
        StringBuilder sb = new StringBuilder(t.root());
        for (var step : t.steps()) {
            if (step instanceof dev.berth.engine.hcl.TraversalStep.Attr attr) {
                sb.append('.').append(attr.name());
            } else if (step instanceof dev.berth.engine.hcl.TraversalStep.Index idx
                    && idx.key() instanceof dev.berth.engine.hcl.LiteralExpr lit) {
                sb.append(lit.value() instanceof dev.berth.engine.value.StringValue s
                        ? "[\"" + s.value() + "\"]" : "[" + lit.value() + "]");
            } else {
                return "";
            }
        }
        return sb.toString();
    }

    private ResourceConfig.Lifecycle lifecycle(Block b) {
        Body body = b.body();
        onlyArguments(body, LIFECYCLE_ARGS, "lifecycle");
        onlyBlocks(body, List.of(), "lifecycle");
        boolean prevent = body.attribute("prevent_destroy").map(a -> statics.bool(a.expr(), "prevent_destroy", diags)).orElse(false);
        boolean cbd = body.attribute("create_before_destroy")
                .map(a -> statics.bool(a.expr(), "create_before_destroy", diags)).orElse(false);
        List<String> ignore = new ArrayList<>();
        boolean ignoreAll = false;
        Optional<Attribute> ic = body.attribute("ignore_changes");
        if (ic.isPresent()) {
            Expr e = ic.get().expr();
            if (e instanceof ScopeTraversalExpr t && t.root().equals("all") && t.steps().isEmpty()) {
                ignoreAll = true;
            } else if (e instanceof TupleConsExpr tuple) {
                for (Expr item : tuple.items()) {
                    if (item instanceof ScopeTraversalExpr t && t.steps().isEmpty()) ignore.add(t.root());
                    else diags.error("Invalid ignore_changes entry: expected an attribute name such as desired_count.",
                            "", item.range());
                }
            } else {
                diags.error("Invalid ignore_changes: expected a list of attribute names or the keyword all.", "", e.range());
            }
        }
        return new ResourceConfig.Lifecycle(prevent, cbd, List.copyOf(ignore), ignoreAll);
    }

    private List<Expr> dependsOn(Body body) {
        Optional<Attribute> a = body.attribute("depends_on");
        if (a.isEmpty()) return List.of();
        if (a.get().expr() instanceof TupleConsExpr tuple) {
            for (Expr item : tuple.items()) {
                if (!(item instanceof ScopeTraversalExpr)) {
                    diags.error("Invalid depends_on reference: expected a reference to a resource, such as ecs_cluster.main.",
                            "", item.range());
                }
            }
            return tuple.items();
        }
        diags.error("Invalid depends_on: expected a list of references, such as [ecs_cluster.main].", "",
                a.get().expr().range());
        return List.of();
    }

    private boolean labels(Block b, int count, String shape) {
        if (b.labels().size() != count) {
            diags.error("Invalid " + b.type() + " block: expected " + count + " label" + (count == 1 ? "" : "s")
                    + " (" + shape + "), but found " + b.labels().size() + ".", "", b.typeRange());
            return false;
        }
        for (int i = 0; i < b.labels().size(); i++) {
            if (!HclParser.isIdentifier(b.labels().get(i))) {
                diags.error("Invalid name \"" + b.labels().get(i) + "\": a name must start with a letter or underscore "
                        + "and may contain only letters, digits, underscores and dashes.", "", b.labelRanges().get(i));
                return false;
            }
        }
        return true;
    }

    private void onlyArguments(Body body, List<String> allowed, String where) {
        Set<String> ok = Set.copyOf(allowed);
        for (Attribute a : body.attributes()) {
            if (!ok.contains(a.name())) {
                diags.error("Unsupported argument: an argument named \"" + a.name() + "\" is not expected in a "
                                + where + " block." + Suggestions.didYouMean(a.name(), allowed),
                        "Valid arguments are: " + String.join(", ", allowed) + ".", a.nameRange());
            }
        }
    }

    private void onlyBlocks(Body body, List<String> allowed, String where) {
        for (Block nested : body.blocks()) {
            if (!allowed.contains(nested.type())) {
                diags.error("Unsupported block type: blocks of type \"" + nested.type() + "\" are not expected in a "
                        + where + " block.", allowed.isEmpty() ? "" : "Valid block types are: "
                        + String.join(", ", allowed) + ".", nested.typeRange());
            }
        }
    }

    private static Expr expr(Body body, String name) {
        return body.attribute(name).map(Attribute::expr).orElse(null);
    }
}
