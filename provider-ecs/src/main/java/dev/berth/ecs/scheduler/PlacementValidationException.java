package dev.berth.ecs.scheduler;

import java.util.List;

/** The request itself is wrong (too many constraints, bad task definition); nothing was placed. */
public final class PlacementValidationException extends IllegalArgumentException {
    private final List<String> errors;

    public PlacementValidationException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
