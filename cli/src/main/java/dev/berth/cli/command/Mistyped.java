package dev.berth.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mistyped command or option answered as Terraform answers it ("Did you mean apply?"),
 * instead of the argument parser's "Unmatched argument at index 0".
 */
final class Mistyped {
    private Mistyped() {
    }

    static Optional<String> explain(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return Optional.empty();
        String typed = u.getUnmatched().get(0);
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String where = spec.qualifiedName(" ");
        if (typed.startsWith("-")) {
            String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            List<String> names = new ArrayList<>();
            for (OptionSpec o : spec.options()) if (!o.hidden()) names.addAll(List.of(o.names()));
            return Optional.of(where + " has no option " + name + "."
                    + Suggestions.closest(name, names).map(s -> " Did you mean " + s + "?").orElse(""));
        }
        if (spec.subcommands().isEmpty() || !spec.positionalParameters().isEmpty()) return Optional.empty();
        List<String> commands = spec.subcommands().keySet().stream()
                .filter(n -> !spec.subcommands().get(n).getCommandSpec().usageMessage().hidden()).toList();
        return Optional.of(where + " has no command named \"" + typed + "\"."
                + Suggestions.closest(typed, commands).map(s -> " Did you mean " + s + "?").orElse(""));
    }
}
