package dev.berth.cli.command;

import picocli.CommandLine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A run that names its command builds only that command, and answers exactly as the whole tree
 * does: the same help, the same errors, the same suggestions, for every command berth has.
 */
class CommandChoiceTest {
    private static final Map<String, String> ENV = Map.of("BERTH_ECS_STORE", "/nonexistent/berth-test/ecs.db");

    @Test
    void aRunNamingACommandBuildsOnlyThatCommand() {
        assertEquals(Set.of("plan"), lean("-chdir=somewhere", "plan", "-no-color").getSubcommands().keySet());
        assertEquals(Set.of("ecs"), lean("ecs", "list-clusters").getSubcommands().keySet());
        assertEquals(Set.of("state"), lean("-chdir", "somewhere", "state", "list").getSubcommands().keySet());
    }

    @Test
    void anythingElseGetsEveryCommand() {
        int all = BerthCommand.SUBCOMMANDS.size();
        assertEquals(all, lean().getSubcommands().size());
        assertEquals(all, lean("-help").getSubcommands().size());
        assertEquals(all, lean("-chdir=x", "-version").getSubcommands().size());
        assertEquals(all, lean("plna").getSubcommands().size());
        assertEquals(all, lean("-chdir").getSubcommands().size());
    }

    @Test
    void theCommandNameSkipsOnlyChdir() {
        assertEquals("plan", CommandChoice.commandName("-chdir=a", "plan"));
        assertEquals("plan", CommandChoice.commandName("-chdir", "a", "plan", "-out=x"));
        assertNull(CommandChoice.commandName("-no-color", "plan"));
        assertNull(CommandChoice.commandName());
    }

    @Test
    void everyCommandsHelpIsTheSameFromItsOwnTree() {
        for (List<String> path : commandPaths(BerthCommand.commandLine(ENV), new ArrayList<>())) {
            List<String> args = new ArrayList<>(path);
            args.add("-help");
            assertSameAnswer(args.toArray(String[]::new));
        }
    }

    @Test
    void errorsAndSuggestionsAreTheSameFromTheCommandsOwnTree() {
        assertSameAnswer("plan", "-bogus");
        assertSameAnswer("plan", "-detailed-exitcod");
        assertSameAnswer("state", "lst");
        assertSameAnswer("state");
        assertSameAnswer("apply", "a", "b");
        assertSameAnswer("-chdir=/nonexistent/berth-test", "version");
        assertSameAnswer("ecs", "--help");
    }

    private static List<List<String>> commandPaths(CommandLine cmd, List<String> prefix) {
        List<List<String>> out = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : cmd.getSubcommands().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path);
            out.addAll(commandPaths(e.getValue(), path));
        }
        return out;
    }

    private static CommandLine lean(String... args) {
        return BerthCommand.commandLine(ENV, new ByteArrayInputStream(new byte[0]), args);
    }

    private static void assertSameAnswer(String... args) {
        String whole = answer(BerthCommand.commandLine(ENV, new ByteArrayInputStream(new byte[0])), args);
        String own = answer(lean(args), args);
        assertEquals(whole, own, "berth " + String.join(" ", args));
    }

    private static String answer(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return "exit " + code + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
