package dev.berth.engine.plan;

import java.util.List;

/**
 * What a plan view folds of one change instead of diffing it: the runtime attributes of its type
 * (what the provider observes while the object runs, not what the reviewer changed) and the
 * provider's one-line account of what apply will do to them ({@code "2 tasks will start"}; null
 * when it gave none). The values stay in the plan's before and after, so apply is held to them
 * exactly as to every other attribute; only their rendering is folded. {@code blocks} names the
 * type's nested block types, which Terraform never prints while they have no element.
 */
public record Fold(List<String> attributes, String summary, List<String> blocks) {
    public static final Fold NONE = new Fold(List.of(), null, List.of());

    public Fold {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        if (summary != null && summary.isBlank()) summary = null;
    }

    public Fold(List<String> attributes, String summary) {
        this(attributes, summary, List.of());
    }

    public boolean isEmpty() {
        return attributes.isEmpty() && summary == null && blocks.isEmpty();
    }
}
