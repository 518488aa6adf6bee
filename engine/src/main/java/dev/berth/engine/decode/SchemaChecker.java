package dev.berth.engine.decode;

import dev.berth.engine.diag.Suggestions;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Body;
import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.BlockSchema;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Checks a resource body against its schema without evaluating anything: unknown arguments and
 * block types (with the valid names and a suggestion), computed-only attributes set by hand,
 * missing required arguments, too many nested blocks.
 */
public final class SchemaChecker {
    private SchemaChecker() {
    }

    public static void check(ResourceConfig rc, BlockSchema schema, Diagnostics diags) {
        check(rc.body(), schema, rc.block().typeRange(),
                () -> (rc.addr().isData() ? "data" : "resource") + " \"" + rc.addr().type() + "\"", true, diags);
    }

    /** The arguments a block may set, sorted: only an error names them, so only an error lists them. */
    private static List<String> settable(BlockSchema schema) {
        return schema.attributesByName().stream().filter(AttributeSchema::settable).map(AttributeSchema::name).toList();
    }

    private static void check(Body body, BlockSchema schema, SourceRange blockRange, Supplier<String> where,
                              boolean topLevel, Diagnostics diags) {
        for (Attribute a : body.attributes()) {
            if (topLevel && ResourceConfig.META_ARGUMENTS.contains(a.name())) continue;
            AttributeSchema s = schema.attributes().get(a.name());
            if (s == null) {
                List<String> settable = settable(schema);
                diags.error("Unsupported argument: an argument named \"" + a.name() + "\" is not expected in "
                                + where.get() + "." + Suggestions.didYouMean(a.name(), settable),
                        "Valid arguments are: " + String.join(", ", settable) + ".", a.nameRange());
            } else if (!s.settable()) {
                diags.error("Invalid argument \"" + a.name() + "\": it is computed by the provider and cannot be set.",
                        "Remove it from the configuration; read it as " + a.name() + " of the resource instead.",
                        a.nameRange());
            }
        }
        for (AttributeSchema s : schema.attributes().values()) {
            if (s.required() && body.attribute(s.name()).isEmpty()) {
                diags.error("Missing required argument: the argument \"" + s.name() + "\" is required in " + where.get()
                        + ", but no definition was found.", "", blockRange);
            }
        }
        Map<String, BlockSchema.NestedBlock> nested = schema.blocks();
        for (Block b : body.blocks()) {
            if (topLevel && ResourceConfig.META_BLOCKS.contains(b.type())) continue;
            BlockSchema.NestedBlock nb = nested.get(b.type());
            if (nb == null) {
                String valid = nested.isEmpty() ? "No nested blocks are allowed here."
                        : "Valid block types are: " + String.join(", ", new TreeSet<>(nested.keySet())) + ".";
                diags.error("Unsupported block type: blocks of type \"" + b.type() + "\" are not expected in "
                        + where.get() + "." + Suggestions.didYouMean(b.type(), nested.keySet()), valid, b.typeRange());
                continue;
            }
            if (!b.labels().isEmpty()) {
                diags.error("Extraneous label for " + b.type() + ": blocks of this type take no labels.", "",
                        b.labelRanges().get(0));
            }
            check(b.body(), nb.body(), b.typeRange(), () -> "a " + b.type() + " block", false, diags);
        }
        for (BlockSchema.NestedBlock nb : nested.values()) {
            // Most block types bound nothing, and a body without blocks exceeds no bound.
            if (nb.minItems() == 0 && (nb.maxItems() <= 0 || body.blocks().isEmpty())) continue;
            List<Block> present = body.blocks(nb.name());
            if (nb.maxItems() > 0 && present.size() > nb.maxItems()) {
                diags.error("Too many " + nb.name() + " blocks: no more than " + nb.maxItems() + " allowed.", "",
                        present.get(nb.maxItems()).typeRange());
            }
            if (present.size() < nb.minItems()) {
                diags.error("Insufficient " + nb.name() + " blocks: at least " + nb.minItems() + " required.", "",
                        blockRange);
            }
        }
    }
}
