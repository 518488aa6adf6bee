package dev.berth.cli.command;

import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What people expect of a command line: suggestions for typos, help with examples, shell completion. */
class HelpAndTyposTest {
    @Test
    void aMistypedCommandIsAnsweredWithTheClosestOne() {
        CliRun r = CliRun.of("aply");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Error: berth has no command named \"aply\". Did you mean apply?"), r::toString);
        assertFalse(r.err().contains("Unmatched argument"), r::toString);
        assertTrue(r.err().contains("run: berth -help"), r::toString);
        CliRun sub = CliRun.of("state", "lst");
        assertTrue(sub.err().contains("berth state has no command named \"lst\". Did you mean list?"), sub::toString);
        CliRun far = CliRun.of("xyzzy");
        assertTrue(far.err().contains("berth has no command named \"xyzzy\".") && !far.err().contains("Did you mean"),
                far::toString);
    }

    @Test
    void aMistypedOptionIsAnsweredWithTheClosestOne() {
        CliRun r = CliRun.of("plan", "-destory");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Error: berth plan has no option -destory. Did you mean -destroy?"), r::toString);
        CliRun valued = CliRun.of("plan", "-parallelsim=3");
        assertTrue(valued.err().contains("Did you mean -parallelism?"), valued::toString);
    }

    @Test
    void everyCommandsHelpEndsWithAnExample() {
        List<String> missing = new ArrayList<>();
        walk(BerthCommand.commandLine(), missing);
        assertEquals(List.of(), missing, "commands whose help has no example");
        CliRun help = CliRun.of("apply", "-help");
        assertTrue(help.out().contains("\nExample:\n  berth apply"), help::toString);
    }

    private static void walk(CommandLine cmd, List<String> missing) {
        String usage = cmd.getUsageMessage();
        int at = usage.indexOf("\nExample:\n  ");
        // The example runs berth and names the command it is for.
        String example = at < 0 ? "" : usage.substring(at);
        if (!example.contains("berth") || !example.contains(cmd.getCommandName())) {
            missing.add(cmd.getCommandSpec().qualifiedName(" "));
        }
        if (cmd.getCommandName().equals("ecs")) return; // its subcommands are the AWS CLI's, with the AWS CLI's help
        for (CommandLine sub : cmd.getSubcommands().values()) walk(sub, missing);
    }

    @Test
    void helpCommandPrintsTheCommandsUsage() {
        CliRun r = CliRun.of("help", "state", "mv");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(CliRun.of("state", "mv", "-help").out(), r.out());
        assertTrue(r.out().startsWith("Usage: berth state mv"), r::toString);
        CliRun typo = CliRun.of("help", "pln");
        assertEquals(1, typo.exitCode(), typo::toString);
        assertTrue(typo.err().contains("Did you mean plan?"), typo::toString);
        assertTrue(CliRun.of("help").out().contains("completion"), "the command list names completion");
    }

    @Test
    void bashCompletesCommandsSubcommandsAndOptionsFromTheGeneratedScript(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("completion", "bash");
        assertEquals(0, r.exitCode(), r::toString);
        Path script = dir.resolve("berth.bash");
        Files.writeString(script, r.out());
        assertEquals("apply", complete(script, "berth", "ap"));
        assertEquals("-destroy", complete(script, "berth", "plan", "-des"));
        assertTrue(complete(script, "berth", "state", "").contains("rollback"));
        assertTrue(complete(script, "berth", "").contains("completion"));
    }

    @Test
    void zshGetsTheScriptThroughItsBashCompletionLayer() {
        CliRun r = CliRun.of("completion", "zsh");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("bashcompinit"), r::toString);
        assertTrue(r.out().contains("complete -F _complete_berth"), r::toString);
        CliRun fish = CliRun.of("completion", "fish");
        assertEquals(1, fish.exitCode(), fish::toString);
    }

    /** What a real bash offers for the words, the last one being completed. */
    private static String complete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) array.append(" '").append(w).append("'");
        String cmd = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; _complete_berth 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return out;
    }
}
