package dev.berth.cli;

import dev.berth.cli.command.BerthCommand;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training run the build gives the JVM when it makes berth's AOT cache
 * ({@code scripts/aot-cache.sh}): the everyday small commands, one after another in one process,
 * so every class and method they need is in the cache and a later run of any of them starts from
 * it. It works in DIR alone and touches no Docker engine: it refuses to run unless the control
 * plane, secret and log stores named by the environment are inside DIR, so it can never reach a
 * user's own stores.
 */
public final class StartupTraining {
    static final String CONFIG = """
            variable "image" {
              default = "berth-example/busybox:latest"
            }

            resource "ecs_task_definition" "app" {
              family                   = "berth-training"
              cpu                      = 256
              memory                   = 512
              requires_compatibilities = ["FARGATE"]
              container_definitions = jsonencode([{
                name         = "app"
                image        = var.image
                memory       = 128
                portMappings = [{ containerPort = 8080 }]
                environment  = [{ name = "MODE", value = "training" }]
              }])
            }

            output "arn" {
              value = ecs_task_definition.app.arn
            }
            """;

    /** A service on a cluster, for the steps that run against the {@link TrainingEngine}. */
    static final String ENGINE_CONFIG = """
            variable "tasks" {
              type    = number
              default = 1
            }

            resource "ecs_cluster" "train" {
              name = "berth-training"
            }

            resource "ecs_task_definition" "one" {
              family                   = "berth-training-service"
              cpu                      = 256
              memory                   = 512
              network_mode             = "awsvpc"
              requires_compatibilities = ["FARGATE"]
              container_definitions = jsonencode([{
                name    = "app"
                image   = "berth-example/busybox:latest"
                cpu     = 16
                memory  = 32
                command = ["sh", "-c", "sleep 3600"]
              }])
            }

            resource "ecs_service" "train" {
              name            = "train"
              cluster         = ecs_cluster.train.id
              task_definition = ecs_task_definition.one.arn
              desired_count   = var.tasks
              launch_type     = "FARGATE"
            }
            """;

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StartupTraining DIR (BERTH_ECS_STORE, BERTH_SECRET_STORE and BERTH_LOG_STORE inside DIR)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        String refused = refusal(dir, System.getenv());
        if (refused != null) {
            System.err.println(refused);
            System.exit(2);
        }
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/main.hcl"), CONFIG);
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/main.hcl"), "resource \"ecs_cluster\" \"x\" {\n  name = \n}\n");
        PrintStream out = System.out;
        int failed = run(steps(dir), out);
        // With DOCKER_HOST on a socket inside DIR (scripts/aot-cache.sh), an apply of a service
        // against a stand-in engine there. Its failures are reported but do not fail the training:
        // a cache without them is still the cache of every other command.
        Path socket = engineSocket(dir, System.getenv("DOCKER_HOST"));
        if (socket != null) {
            Files.createDirectories(dir.resolve("engine"));
            Files.writeString(dir.resolve("engine/main.hcl"), ENGINE_CONFIG);
            try (TrainingEngine engine = TrainingEngine.start(socket)) {
                int missed = run(engineSteps(dir), out);
                if (missed > 0) out.println("training: " + missed + " engine steps failed; the cache leaves them out");
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Runs each step with its output thrown away; returns how many ended with another exit code. */
    private static int run(List<Step> steps, PrintStream out) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true);
        int failed = 0;
        for (Step step : steps) {
            System.setOut(sink);
            System.setErr(sink);
            int code = Main.run(step.args().toArray(String[]::new));
            System.setOut(out);
            System.setErr(out);
            if (code != step.exit()) {
                failed++;
                out.println("training: berth " + String.join(" ", step.args()) + " exited " + code + ", not " + step.exit());
            }
        }
        return failed;
    }

    /** The socket DOCKER_HOST names when it is a unix:// path inside {@code dir}, else null: never a real engine. */
    static Path engineSocket(Path dir, String dockerHost) {
        if (dockerHost == null || !dockerHost.startsWith("unix://")) return null;
        Path socket = Path.of(dockerHost.substring("unix://".length())).toAbsolutePath().normalize();
        return socket.startsWith(dir) ? socket : null;
    }

    static List<Step> engineSteps(Path dir) {
        String chdir = "-chdir=" + dir.resolve("engine");
        return List.of(
                Step.of(0, chdir, "apply", "-auto-approve", "-no-color", "-var", "tasks=0"),
                Step.of(0, chdir, "apply", "-auto-approve", "-no-color", "-var", "tasks=2"),
                Step.of(0, chdir, "plan", "-no-color"),
                Step.of(0, chdir, "apply", "-auto-approve", "-no-color", "-var", "tasks=0"),
                Step.of(0, chdir, "destroy", "-auto-approve", "-no-color"));
    }

    /** Why running in {@code dir} with {@code env} is refused, or null when every store is inside it. */
    static String refusal(Path dir, Map<String, String> env) {
        for (String name : List.of("BERTH_ECS_STORE", "BERTH_SECRET_STORE", "BERTH_LOG_STORE")) {
            String value = env.get(name);
            if (value == null || !Path.of(value).toAbsolutePath().normalize().startsWith(dir)) {
                return "training refused: " + name + " must name a path inside " + dir;
            }
        }
        return null;
    }

    /** One command of the training and the exit code it must end with. */
    record Step(int exit, List<String> args) {
        static Step of(int exit, String... args) {
            return new Step(exit, List.of(args));
        }
    }

    static List<Step> steps(Path dir) {
        String chdir = "-chdir=" + dir.resolve("config");
        return List.of(
                Step.of(0, "-help"),
                Step.of(0, "version"),
                Step.of(0, chdir, "validate", "-no-color"),
                Step.of(0, chdir, "validate", "-json"),
                // A diagnostic with its source line is part of what people see.
                Step.of(1, "-chdir=" + dir.resolve("broken"), "validate", "-no-color"),
                Step.of(0, chdir, "plan", "-no-color"),
                Step.of(0, chdir, "apply", "-auto-approve", "-no-color"),
                Step.of(0, chdir, "plan", "-no-color"),
                Step.of(0, chdir, "plan", "-no-color", "-var", "image=busybox:other"),
                Step.of(0, chdir, "plan", "-json"),
                Step.of(0, chdir, "show", "-no-color"),
                Step.of(0, chdir, "state", "list"),
                Step.of(0, chdir, "output", "-no-color"),
                Step.of(0, "ecs", "list-clusters"),
                Step.of(0, "ecs", "list-task-definitions"),
                Step.of(0, "ecs", "describe-task-definition", "--task-definition", "berth-training"),
                Step.of(0, "ecs", "describe-clusters", "--clusters", "default"),
                // No cluster exists without a Docker engine: the AWS CLI's error path is trained too.
                Step.of(254, "ecs", "list-tasks"),
                Step.of(0, chdir, "destroy", "-auto-approve", "-no-color"));
    }
}
