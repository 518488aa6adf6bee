package dev.berth.engine.plan;

import dev.berth.engine.value.Value;

/** The planned change of a root output; before or after is null when the output is new or gone. */
public record OutputChange(String name, Action action, Value before, Value after, boolean sensitive) {
}
