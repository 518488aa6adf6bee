package dev.berth.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CLI on configurations of task definitions only: those live in the provider's own tables,
 * so no Docker engine is involved, while the state is a real SQLite file.
 */
class CliBasicsTest {
    private static final String TASKDEF = """
            variable "family" {
              default = "demo"
            }

            resource "ecs_task_definition" "app" {
              family = var.family
              memory = 512
              container {
                name   = "app"
                image  = "berth-example/busybox:latest"
                memory = 64
              }
            }

            output "arn" {
              value = ecs_task_definition.app.arn
            }
            """;

    @TempDir
    Path dir;
    private final InputStream stdin = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    private void write(String hcl) throws Exception {
        Files.writeString(dir.resolve("main.hcl"), hcl);
    }

    private CliRun answering(String answer, String... args) {
        System.setIn(new ByteArrayInputStream((answer + "\n").getBytes(StandardCharsets.UTF_8)));
        return CliRun.in(dir, args);
    }

    @Test
    void versionPrintsTheVersion() {
        CliRun r = CliRun.of("version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("berth v"), r::toString);
    }

    @Test
    void applyAsksAndOnlyYesApproves() throws Exception {
        write(TASKDEF);
        CliRun no = answering("no", "apply");
        assertEquals(1, no.exitCode(), no::toString);
        assertTrue(no.out().contains("Only 'yes' will be accepted to approve."), no::toString);
        assertTrue(no.out().endsWith("  Enter a value: \nApply cancelled.\n"), no::toString);
        assertFalse(no.err().contains("Error"), () -> "Terraform 1.11 refuses on standard output, not as an error:\n" + no);
        assertEquals("", CliRun.of("-chdir=" + dir, "state", "list").out(), "nothing applied");

        CliRun yes = answering("yes", "apply");
        assertEquals(0, yes.exitCode(), yes::toString);
        assertTrue(yes.out().contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed."), yes::toString);
        assertTrue(yes.out().contains("arn = \"arn:aws:ecs:local:000000000000:task-definition/demo:1\""), yes::toString);
        assertEquals("ecs_task_definition.app\n", CliRun.of("-chdir=" + dir, "state", "list").out());
    }

    @Test
    void aVariableChangePlansAReplacementAndDetailedExitCodeSaysSo() throws Exception {
        write(TASKDEF);
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        assertEquals(0, CliRun.in(dir, "plan", "-detailed-exitcode").exitCode(), "no changes");

        CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode", "-var", "family=other");
        assertEquals(2, plan.exitCode(), plan::toString);
        assertTrue(plan.out().contains("# ecs_task_definition.app must be replaced"), plan::toString);
        assertTrue(plan.out().contains("# forces replacement"), plan::toString);
        assertTrue(plan.out().contains("Plan: 1 to add, 0 to change, 1 to destroy."), plan::toString);
    }

    @Test
    void validateNamesFileLineAndColumnWithTheSourceLine() throws Exception {
        write(TASKDEF.replace("memory = 512", "memroy = 512"));
        CliRun r = CliRun.in(dir, "validate");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Error: Unsupported argument: an argument named \"memroy\" is not expected in "
                + "resource \"ecs_task_definition\". Did you mean \"memory\"?"), r::toString);
        assertTrue(r.err().contains("on main.hcl line 7, column 3:"), r::toString);
        assertTrue(r.err().contains("   7:   memroy = 512"), r::toString);
        assertTrue(r.err().contains("        ^~~~~~"), r::toString);
        assertFalse(Files.exists(dir.resolve("berth.db")), "validate does not create state");
    }

    @Test
    void everyErrorOfTheRunIsReportedAndNothingIsApplied() throws Exception {
        write(TASKDEF.replace("memory = 64", "memory = 1024") + "\nresource \"ecs_clustr\" \"x\" {\n  name = \"x\"\n}\n");
        CliRun r = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Did you mean \"ecs_cluster\"?"), r::toString);
        assertTrue(r.err().contains("exceeds the task memory"), r::toString);
        assertEquals("", CliRun.of("-chdir=" + dir, "state", "list").out());
    }

    @Test
    void aSavedPlanShowsAsTheSameMarkdownAsPlanMarkdown() throws Exception {
        write(TASKDEF);
        CliRun md = CliRun.in(dir, "plan", "-markdown", "-lock=false");
        assertEquals(0, md.exitCode(), md::toString);
        assertTrue(md.out().contains("ecs_task_definition.app") && md.out().contains("<details>"), md::toString);
        assertFalse(md.out().contains("\u001b["), "no terminal colours in Markdown");

        assertEquals(0, CliRun.in(dir, "plan", "-out=p").exitCode());
        CliRun shown = CliRun.in(dir, "show", "-markdown", "p");
        assertEquals(0, shown.exitCode(), shown::toString);
        assertEquals(md.out(), shown.out());
    }

    @Test
    void helpWorksOnEveryLevel() {
        for (String[] args : new String[][]{{"-help"}, {"plan", "-help"}, {"state", "list", "-help"}}) {
            CliRun r = CliRun.of(args);
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.out().startsWith("Usage: berth"), r::toString);
        }
    }

    @Test
    void anUnknownFlagIsOneSentence() {
        CliRun r = CliRun.of("plan", "-frobnicate");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Error: berth plan has no option -frobnicate.\n"), r::toString);
    }
}
