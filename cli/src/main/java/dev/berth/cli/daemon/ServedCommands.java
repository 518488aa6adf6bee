package dev.berth.cli.daemon;

import java.util.List;
import java.util.Set;

/**
 * The commands the background berth runs: those that only read and print, and apply and destroy,
 * whose run ends with the command (the JVM's start was a quarter of a second of every apply,
 * bench/README.md "Applies at the engine's speed"; what an apply starts is gone when it ends, which
 * the daemon's log shows after each command, {@link Residue}). Commands that stay up (server, agent,
 * console, logs -f) or change state piecemeal (import, state rm/mv) keep a process of their own.
 * bin/berth chooses the same ones; a command it sent that is not among these runs in the client's own JVM.
 */
final class ServedCommands {
    private static final Set<String> SERVED = Set.of("validate", "plan", "fmt", "version", "show", "output", "graph", "apply", "destroy");

    private ServedCommands() {
    }

    static boolean served(List<String> args) {
        String sub = null;
        boolean skip = false;
        for (String a : args) {
            if (skip) {
                skip = false;
                continue;
            }
            if (sub == null) {
                if (a.equals("-chdir")) skip = true;
                else if (!a.startsWith("-")) sub = a;
                continue;
            }
            if (a.startsWith("-")) continue;
            return switch (sub) {
                case "ecs" -> a.startsWith("list-") || a.startsWith("describe-");
                case "state" -> a.equals("list") || a.equals("show");
                default -> SERVED.contains(sub);
            };
        }
        return sub != null && SERVED.contains(sub);
    }
}
