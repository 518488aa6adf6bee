package dev.berth.engine.plan;

import java.util.List;

/**
 * What a plan view folds of one change instead of diffing it: the runtime attributes of its type
 * (what the provider observes while the object runs, not what the reviewer changed) and the
 * provider's one-line account of what apply will do to them ({@code "2 tasks will start"}; null
 * when it gave none). The values stay in the plan's before and after, so apply is held to them
 * exactly as to every other attribute; only their rendering is folded.
 */
public record Fold(List<String> attributes, String summary) {
    public static final Fold NONE = new Fold(List.of(), null);

    public Fold {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        if (summary != null && summary.isBlank()) summary = null;
    }

    public boolean isEmpty() {
        return attributes.isEmpty() && summary == null;
    }

    public Fold withAttributes(List<String> names) {
        return new Fold(names, summary);
    }
}
