package dev.berth.cli.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A background berth takes an unchanged resource's last no-op again (UnchangedInstances): served
 * plan after plan through bin/berth, it still sees everything that changed since the last one: a
 * variable, a secret deleted from the store that a task definition names, and a revision
 * deregistered outside berth. Task definitions only, so no Docker engine is needed; everything
 * the test starts is removed after it, even when it fails.
 *
 * <p>Its berths get an environment made from nothing, with the control plane and the state in
 * SQLite files of their own: tagged {@code sqlite-only}, as the PostgreSQL pass would run the same.
 */
@Tag("sqlite-only")
class ServedPlanAgainIT {
    @TempDir
    static Path work;
    private static Path berth;
    private static Path runtime;
    private static Map<String, String> env;
    private static Path dir;

    private static final String CONFIG = """
            variable "image" {
              default = "busybox:1"
            }

            resource "ecs_task_definition" "plain" {
              family                = "again-plain"
              container_definitions = jsonencode([{ name = "app", image = var.image, memory = 128 }])
            }

            resource "ecs_task_definition" "secret" {
              family = "again-secret"
              container_definitions = jsonencode([{
                name    = "app"
                image   = "busybox"
                memory  = 128
                secrets = [{ name = "DB", valueFrom = "db" }]
              }])
            }
            """;

    @BeforeAll
    static void install() throws Exception {
        berth = BackgroundBerths.bin();
        env = BackgroundBerths.environment(work);
        runtime = Path.of(env.get("XDG_RUNTIME_DIR"));
        env.put("BERTH_ECS_STORE", work.resolve("ecs.db").toString());
        dir = Files.createDirectories(work.resolve("config"));
        Files.writeString(dir.resolve("main.tf"), CONFIG);
    }

    @AfterAll
    static void stopBerths() {
        BackgroundBerths.stopAll(runtime);
    }

    @Test
    void aServedPlanSeesAChangedVariableADeletedSecretAndADeregisteredRevision() throws Exception {
        assertEquals(0, run("db-value", "secret", "put", "db").code());
        FiledProcess.Ended applied = run(null, "apply", "-auto-approve", "-no-color");
        assertEquals(0, applied.code(), applied::toString);
        awaitBerth();

        int served = served();
        for (int i = 0; i < 2; i++) {
            FiledProcess.Ended same = plan();
            assertEquals(0, same.code(), same::toString);
        }
        FiledProcess.Ended newImage = plan("-var", "image=busybox:2");
        assertEquals(2, newImage.code(), newImage::toString);
        assertTrue(newImage.out().contains("ecs_task_definition.plain must be replaced"), newImage.out());
        assertTrue(newImage.out().contains("Plan: 1 to add, 0 to change, 1 to destroy."), newImage.out());

        assertEquals(0, run(null, "secret", "delete", "db").code());
        FiledProcess.Ended noSecret = plan();
        assertEquals(1, noSecret.code(), noSecret::toString);
        assertTrue(noSecret.err().contains("No secret named \"db\""), noSecret.err());
        assertEquals(0, run("db-value", "secret", "put", "db").code());
        assertEquals(0, plan().code());

        FiledProcess.Ended gone = run(null, "ecs", "deregister-task-definition", "--task-definition", "again-plain:1");
        assertEquals(0, gone.code(), gone::toString);
        FiledProcess.Ended recreate = plan();
        assertEquals(2, recreate.code(), recreate::toString);
        assertTrue(recreate.out().contains("ecs_task_definition.plain will be created"), recreate.out());
        assertTrue(recreate.out().contains("Plan: 1 to add, 0 to change, 0 to destroy."), recreate.out());

        assertEquals(served + 6, served(), "each of the six plans was served by the background berth");
    }

    private static FiledProcess.Ended plan(String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("plan", "-detailed-exitcode", "-no-color"));
        args.addAll(List.of(more));
        return run(null, args.toArray(String[]::new));
    }

    private static FiledProcess.Ended run(String stdin, String... args) throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Path in = Files.createTempFile(work, "in", ".txt");
        Files.writeString(in, stdin == null ? "" : stdin);
        List<String> argv = new java.util.ArrayList<>(List.of(berth.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile())
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return new FiledProcess(pb.start(), out, err).finish();
    }

    /** Makes sure a background berth serves this directory and environment. */
    private static void awaitBerth() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            int before = served();
            run(null, "version");
            if (served() > before) return;
            Thread.sleep(300);
        }
        throw new AssertionError("no background berth answered in 90 s; logs under " + runtime);
    }

    private static int served() throws Exception {
        int n = 0;
        for (Path d : BackgroundBerths.dirs(runtime)) {
            Integer s = BackgroundBerths.served(d);
            if (s != null) n += s;
        }
        return n;
    }
}
