package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The contents of a file or block: attributes and nested blocks, each in source order. */
public record Body(List<Attribute> attributes, List<Block> blocks, SourceRange range) {
    public Body {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    public Optional<Attribute> attribute(String name) {
        for (Attribute a : attributes) if (a.name().equals(name)) return Optional.of(a);
        return Optional.empty();
    }

    /** The blocks of one type, in source order. A loop, not a stream: asked once per block type of a schema. */
    public List<Block> blocks(String type) {
        List<Block> out = null;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (!b.type().equals(type)) continue;
            if (out == null) out = new ArrayList<>();
            out.add(b);
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }
}
