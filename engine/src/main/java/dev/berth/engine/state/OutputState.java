package dev.berth.engine.state;

import dev.berth.engine.value.Value;

public record OutputState(String name, Value value, boolean sensitive) {
}
