package dev.berth.cli.inspect;

import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** graph: the configuration graph needs no state; the apply graph is that of a fresh plan. */
class GraphCommandTest {
    private static final String PROVIDER = "\"[root] provider[\\\"berth.dev/builtin/ecs\\\"]\"";

    @TempDir
    Path dir;

    @Test
    void planGraphIsTheConfigurationWithEdgesToDependencies() throws Exception {
        TaskDefinitionConfigs.writeTwo(dir);
        CliRun r = CliRun.in(dir, "graph");
        assertEquals(0, r.exitCode(), r::toString);
        String dot = r.out();
        assertTrue(dot.startsWith("digraph {\n\tcompound = \"true\"\n\tnewrank = \"true\"\n\tsubgraph \"root\" {\n"), dot);
        assertTrue(dot.endsWith("\t}\n}\n"), dot);
        assertTrue(dot.contains("\t\t\"[root] ecs_task_definition.app\" [label = \"ecs_task_definition.app\", shape = \"box\"]\n"), dot);
        assertTrue(dot.contains("\t\t\"[root] var.prefix\" [label = \"var.prefix\", shape = \"note\"]\n"), dot);
        assertTrue(dot.contains(PROVIDER + " [label = \"provider[\\\"berth.dev/builtin/ecs\\\"]\", shape = \"diamond\"]"), dot);
        assertTrue(dot.contains("\"[root] ecs_task_definition.app\" -> \"[root] ecs_task_definition.base\"\n"), dot);
        assertTrue(dot.contains("\"[root] ecs_task_definition.base\" -> \"[root] local.base_family\"\n"), dot);
        assertTrue(dot.contains("\"[root] local.base_family\" -> \"[root] var.prefix\"\n"), dot);
        assertTrue(dot.contains("\"[root] output.app_arn\" -> \"[root] ecs_task_definition.app\"\n"), dot);
        assertTrue(dot.contains("\"[root] ecs_task_definition.base\" -> " + PROVIDER + "\n"), dot);
        assertFalse(dot.contains("\"[root] ecs_task_definition.base\" -> \"[root] ecs_task_definition.app\""),
                "edges point from dependent to dependency only: " + dot);
        assertFalse(Files.exists(dir.resolve("berth.db")), "the plan graph needs no state");
    }

    @Test
    void planGraphReportsConfigurationErrors() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), TaskDefinitionConfigs.taskDefinition("a", "var.missing"));
        CliRun r = CliRun.in(dir, "graph");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Reference to undeclared input variable"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void applyGraphShowsThePlannedStepsInOrder() throws Exception {
        TaskDefinitionConfigs.writeTwo(dir);
        CliRun r = CliRun.in(dir, "graph", "-type=apply");
        assertEquals(0, r.exitCode(), r::toString);
        String dot = r.out();
        assertTrue(dot.startsWith("digraph {\n"), "nothing but DOT on stdout: " + dot);
        assertTrue(dot.contains("\"[root] ecs_task_definition.app\" -> \"[root] ecs_task_definition.base\"\n"), dot);
        assertFalse(dot.contains("var.prefix"), "the apply graph holds only resource steps: " + dot);

        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        CliRun replace = CliRun.in(dir, "graph", "-type=apply", "-var", "prefix=other");
        assertEquals(0, replace.exitCode(), replace::toString);
        assertTrue(replace.out().contains("\"[root] ecs_task_definition.base (destroy)\""), replace::toString);
    }

    @Test
    void anUnknownTypeIsRefused() throws Exception {
        TaskDefinitionConfigs.writeTwo(dir);
        CliRun r = CliRun.in(dir, "graph", "-type=refresh");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Invalid -type \"refresh\""), r::toString);
    }
}
