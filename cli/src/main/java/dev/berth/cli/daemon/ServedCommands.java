package dev.berth.cli.daemon;

import java.util.List;
import java.util.Set;

/**
 * The commands the background berth runs: those that only read and print, so every side effect
 * (containers, state written by apply, servers, waits) stays in a process of its own. bin/berth
 * chooses the same ones; a command it sent that is not among these runs in the client's own JVM.
 */
final class ServedCommands {
    private static final Set<String> READING = Set.of("validate", "plan", "fmt", "version", "show", "output", "graph");

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
                default -> READING.contains(sub);
            };
        }
        return sub != null && READING.contains(sub);
    }
}
