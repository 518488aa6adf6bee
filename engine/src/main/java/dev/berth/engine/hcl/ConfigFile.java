package dev.berth.engine.hcl;

/** One parsed configuration file. */
public record ConfigFile(String path, Body body) {
}
