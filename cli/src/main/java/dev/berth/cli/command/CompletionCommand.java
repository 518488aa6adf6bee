package dev.berth.cli.command;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Prints a shell completion script generated from the command tree itself, so a new command
 * or option completes without anyone editing a script. zsh runs the bash script through its
 * bashcompinit layer, which the script turns on when it sees zsh.
 */
@Command(name = "completion", description = "Print a shell completion script for bash or zsh.")
final class CompletionCommand implements Runnable {
    enum Shell { bash, zsh }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        CommandLine root = spec.commandLine();
        while (root.getParent() != null) root = root.getParent();
        String script = AutoComplete.bash("berth", root);
        String intro = shell == Shell.zsh
                ? "#compdef berth\n# berth completion for zsh: add `source <(berth completion zsh)` to ~/.zshrc.\n"
                : "# berth completion for bash: add `source <(berth completion bash)` to ~/.bashrc.\n";
        spec.commandLine().getOut().print(intro + script);
        spec.commandLine().getOut().flush();
    }
}
