package dev.berth.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code berth help [COMMAND...]}: the usage of a command (with its example), as {@code COMMAND -help} prints it. */
@Command(name = "help", description = "Show the help of a command: berth help state mv.")
final class HelpCommand implements Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, and its subcommands.")
    List<String> path = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        CommandLine cmd = spec.commandLine().getParent();
        for (String name : path) {
            CommandLine next = cmd.getSubcommands().get(name);
            if (next == null) {
                String where = cmd.getCommandSpec().qualifiedName(" ");
                throw new Errors.UserError(where + " has no command named \"" + name + "\"."
                        + Suggestions.closest(name, cmd.getSubcommands().keySet()).map(s -> " Did you mean " + s + "?")
                        .orElse("") + " Run \"" + where + " -help\" to list them.");
            }
            cmd = next;
        }
        if (cmd.getCommandName().equals("ecs") && cmd.getParent() != null && cmd.getParent().getParent() == null) {
            cmd.execute("help"); // the AWS CLI's help for ecs
            return;
        }
        cmd.usage(spec.commandLine().getOut());
    }
}
