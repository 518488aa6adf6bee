package dev.berth.cli.command;

import picocli.CommandLine.Command;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Which subcommands a run's command tree must hold: the one its arguments name, or all of them
 * when they name none (no command, a mistyped one, the root's own options such as -help) or name
 * one that reads the whole tree. The choice is made before picocli parses anything, so every
 * answer picocli gives (help, errors, suggestions) comes from a tree that could give it.
 */
final class CommandChoice {
    /** Commands that list or walk the others, should berth have them: they always get every command. */
    private static final Set<String> READ_THE_TREE = Set.of("help", "completion");

    private CommandChoice() {
    }

    static List<Class<?>> needed(List<Class<?>> all, String... args) {
        String name = commandName(args);
        if (name == null || READ_THE_TREE.contains(name)) return all;
        for (Class<?> command : all) {
            Command a = command.getAnnotation(Command.class);
            if (a.name().equals(name) || Arrays.asList(a.aliases()).contains(name)) return List.of(command);
        }
        return all;
    }

    /** The first argument that is not the root's -chdir or its value; null when another option comes first. */
    static String commandName(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-chdir")) {
                i++;
            } else if (!a.startsWith("-chdir=")) {
                return a.startsWith("-") ? null : a;
            }
        }
        return null;
    }
}
