package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.List;

/** {@code type "label" ... { body }}; range runs from the type to the closing brace. */
public record Block(String type, List<String> labels, Body body, SourceRange range,
                    SourceRange typeRange, List<SourceRange> labelRanges) {
    public Block {
        labels = List.copyOf(labels);
        labelRanges = List.copyOf(labelRanges);
    }
}
