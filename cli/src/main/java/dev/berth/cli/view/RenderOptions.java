package dev.berth.cli.view;

import java.util.Objects;

/**
 * How human output is rendered: with or without ANSI colour, and which tool name the prose
 * uses where Terraform would say "Terraform".
 */
public record RenderOptions(boolean color, String toolName) {

    public static final String DEFAULT_TOOL = "berth";

    public RenderOptions {
        Objects.requireNonNull(toolName);
    }

    public static RenderOptions plain() {
        return new RenderOptions(false, DEFAULT_TOOL);
    }

    public static RenderOptions colored() {
        return new RenderOptions(true, DEFAULT_TOOL);
    }

    Palette palette() {
        return new Palette(color);
    }
}
