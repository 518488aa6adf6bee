package dev.berth.cli.view;

import java.io.PrintWriter;

/**
 * Where a command writes: standard output for results, standard error for errors, and whether
 * colour is wanted (a terminal, no -no-color, no NO_COLOR in the environment).
 */
public record Terminal(PrintWriter out, PrintWriter err, boolean color) {

    public static Terminal of(PrintWriter out, PrintWriter err, boolean noColor) {
        boolean color = !noColor && dev.berth.cli.wiring.Caller.hasConsole() && System.getenv("NO_COLOR") == null;
        return new Terminal(out, err, color);
    }

    public String bold(String s) {
        return color ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    public String green(String s) {
        return color ? "\u001b[32m" + s + "\u001b[0m" : s;
    }

    public String boldGreen(String s) {
        return color ? "\u001b[1m\u001b[32m" + s + "\u001b[0m" : s;
    }
}
