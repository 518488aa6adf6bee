package dev.berth.engine.provider;

/** What a resource type accepts and computes. */
public record ResourceSchema(String type, BlockSchema body, int version, String description) {
}
