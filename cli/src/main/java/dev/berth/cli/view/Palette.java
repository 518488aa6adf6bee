package dev.berth.cli.view;

/**
 * The ANSI styles Terraform's human output uses. A disabled palette returns text untouched, so
 * renderers can style unconditionally and plain output never carries an escape code.
 */
final class Palette {
    static final String RESET = "\u001b[0m";
    static final String BOLD = "\u001b[1m";
    static final String RED = "\u001b[31m";
    static final String GREEN = "\u001b[32m";
    static final String YELLOW = "\u001b[33m";
    static final String CYAN = "\u001b[36m";
    static final String DARK_GRAY = "\u001b[90m";

    private final boolean enabled;

    Palette(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    String style(String codes, String text) {
        return enabled ? codes + text + RESET : text;
    }

    String bold(String text) {
        return style(BOLD, text);
    }

    String red(String text) {
        return style(RED, text);
    }

    String green(String text) {
        return style(GREEN, text);
    }

    String yellow(String text) {
        return style(YELLOW, text);
    }

    String cyan(String text) {
        return style(CYAN, text);
    }

    String dim(String text) {
        return style(DARK_GRAY, text);
    }

    /** The update arrow between an old and a new value. */
    String arrow() {
        return yellow("->");
    }
}
