package dev.berth.cli.command;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * berth console through the real command classes on a real SQLite state, answers compared with
 * what terraform console 1.11.4 printed for the same expressions (src/test/resources/console).
 */
class ConsoleCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void configurationAndState() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), """
                variable "name" {
                  type    = string
                  default = "web"
                }
                variable "count_n" {
                  type = number
                }
                variable "secret" {
                  type      = string
                  default   = "hunter2"
                  sensitive = true
                }
                locals {
                  ports = [80, 443]
                  tags  = { app = var.name, env = "dev" }
                }
                resource "ecs_cluster" "main" {
                  name = var.name
                }
                resource "ecs_cluster" "later" {
                  name = "later"
                }
                """);
        Files.writeString(dir.resolve("berth.tfvars"), "count_n = 3\n");
        try (Workspace ws = new Workspace(dir, dir.resolve("berth.db"), TestStores.env(dir))) {
            ws.store().commit(List.of(new StateChange.PutResource(new ResourceState(
                    ResourceInstanceAddr.of("ecs_cluster", "main"), "ecs", 0,
                    new MapValue(Map.of("name", Value.of("web"), "arn", Value.of("arn:aws:ecs:cluster/web"),
                            "token", Value.sensitive(Value.of("s3cret")))),
                    List.of(), false))), "test");
        }
    }

    @Test
    void eachAnswerIsTheOneTerraformGives() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/console/terraform-console.txt"));
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("> ")) continue;
            String expr = lines.get(i).substring(2);
            StringBuilder want = new StringBuilder();
            int j = i + 1;
            while (!lines.get(j).startsWith("# exit ")) want.append(lines.get(j++)).append('\n');
            int wantExit = Integer.parseInt(lines.get(j).substring("# exit ".length()));
            // terraform_data.app.input in the oracle's configuration stands for a berth resource here.
            String berthExpr = expr.replace("terraform_data.app.input.replicas", "var.count_n")
                    .replace("terraform_data.app.input", "{ name = var.name, replicas = var.count_n }");
            CliRun r = console(berthExpr + "\n");
            assertEquals(wantExit, r.exitCode(), expr + "\n" + r);
            if (wantExit == 0) {
                assertEquals(want.toString(), r.out(), expr + "\n" + r);
            } else {
                // The words of berth's parser differ from HCL's; what went wrong, and where, is the same.
                assertEquals("", r.out(), expr + "\n" + r);
                assertTrue(flat(r.err()).contains(firstSentenceOfDetail(want.toString())), expr + "\n" + r);
            }
            checked++;
        }
        assertEquals(13, checked);
    }

    @Test
    void resourcesFromTheStateAndUnknownsForTheOnesNotInIt() {
        assertEquals("\"arn:aws:ecs:cluster/web\"\n", console("ecs_cluster.main.arn\n").out());
        assertEquals("(known after apply)\n", console("ecs_cluster.later.arn\n").out());
        assertEquals("(sensitive value)\n", console("ecs_cluster.main.token\n").out());
        CliRun whole = console("ecs_cluster.main\n");
        assertTrue(whole.out().contains("\"token\" = (sensitive value)"), whole::toString);
        assertFalse(whole.out().contains("s3cret") || whole.err().contains("s3cret"), whole::toString);
        assertEquals("\"WEB-arn:aws:ecs:cluster/web\"\n",
                console("\"${upper(var.name)}-${ecs_cluster.main.arn}\"\n").out());
    }

    @Test
    void pipedInputPrintsOnlyTheLastResultAndStopsAtTheFirstError() {
        CliRun ok = console("var.name\nlocal.ports\n");
        assertEquals(0, ok.exitCode(), ok::toString);
        assertEquals("[\n  80,\n  443,\n]\n", ok.out());

        CliRun bad = console("var.name\nvar.nope\nvar.name\n");
        assertEquals(1, bad.exitCode(), bad::toString);
        assertEquals("", bad.out());
        assertTrue(bad.err().contains("Error: Reference to undeclared input variable"), bad::toString);
    }

    @Test
    void atATerminalAnErrorNamesItsPlaceAndTheSessionGoesOn() {
        CliRun r = console("upper(1,\nvar.nope\nvar.name\nexit\nvar.count_n\n", "-interactive=true");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("> > > \"web\"\n> \n", r.out(), r::toString);
        assertTrue(r.err().contains("on <console-input> line 1, column 9:"), r::toString);
        assertTrue(r.err().contains("   1: upper(1,"), r::toString);
        assertTrue(r.err().contains("on <console-input> line 1, column 1:"), r::toString);
        assertTrue(r.err().contains("An input variable with the name \"nope\" has not been declared. Did you mean\n"
                + "\"name\"?"), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    @Test
    void variablesFromTheCommandLineWinAndTheLockIsReleased() {
        CliRun r = console("var.name\n", "-var", "name=api");
        assertEquals("\"api\"\n", r.out(), r::toString);
        try (Workspace ws = new Workspace(dir, dir.resolve("berth.db"), TestStores.env(dir))) {
            assertTrue(ws.store().lockHolder().isEmpty(), "the console released the state lock");
        }
    }

    /** Terraform's detail is the text after the "(source code not available)" line; its first sentence. */
    private static String firstSentenceOfDetail(String terraformSays) {
        String detail = flat(terraformSays.substring(terraformSays.indexOf("(source code not available)")
                + "(source code not available)".length()));
        return detail.substring(0, detail.indexOf('.'));
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void aStateLockedByAnotherRunIsNamedAndNothingIsEvaluated() {
        try (Workspace ws = new Workspace(dir, dir.resolve("berth.db"), TestStores.env(dir))) {
            ws.store().lock(new dev.berth.engine.state.LockInfo("held-by-test", "apply", "tester@host",
                    java.time.Instant.now()), java.time.Duration.ZERO);
            CliRun r = console("var.name\n");
            assertEquals(1, r.exitCode(), r::toString);
            assertEquals("", r.out(), r::toString);
            assertTrue(r.err().contains("Error acquiring the state lock"), r::toString);
            assertTrue(r.err().contains("held-by-test"), r::toString);
            ws.store().unlock("held-by-test");
        }
        assertEquals(0, console("var.name\n", "-lock=false").exitCode());
    }

    @Test
    void pipedExitEndsWithoutPrintingAndHelpSaysHowToLeave() {
        CliRun exit = console("var.name\nexit\nvar.nope\n");
        assertEquals(0, exit.exitCode(), exit::toString);
        assertEquals("", exit.out(), exit::toString);
        assertTrue(console("help\n").out().contains("To exit the console, type \"exit\""));
    }

    @Test
    void aRequiredVariableNobodySetIsUnknownButABadValueIsStillAnError() throws Exception {
        Files.delete(dir.resolve("berth.tfvars"));
        CliRun unset = console("var.count_n\n");
        assertEquals(0, unset.exitCode(), unset::toString);
        assertEquals("(known after apply)\n", unset.out(), unset::toString);

        CliRun bad = console("var.count_n\n", "-var", "count_n=many");
        assertEquals(1, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("count_n"), bad::toString);
    }

    @Test
    void withoutAStateNothingIsCreated() throws Exception {
        Files.delete(dir.resolve("berth.db"));
        CliRun r = console("ecs_cluster.main.name\n");
        assertEquals("(known after apply)\n", r.out(), r::toString);
        assertFalse(Files.exists(dir.resolve("berth.db")), "the console wrote no state file");
    }

    private CliRun console(String stdin, String... extra) {
        List<String> args = new ArrayList<>(List.of("-chdir=" + dir, "console", "-no-color"));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = BerthCommand.commandLine(TestStores.env(dir),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args.toArray(String[]::new));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }
}
