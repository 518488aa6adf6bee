package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault: the image a task names is not on the engine (berth never pulls). apply and run-task
 * say so in one sentence, the tasks are recorded STOPPED with TaskFailedToStart (their container
 * with ECS's CannotPullContainerError and the sentence) and nothing runs;
 * once the image appears the next apply starts the service and converges.
 */
class ImageMissingIT extends FaultFixture {
    @Test
    void missingImageFailsInOneSentenceAndTheNextApplyRecoversOnceItAppears() throws Exception {
        String image = "berth-faults/" + cluster + ":1";
        Files.writeString(dir.resolve("main.hcl"), FargateApp.clusterAndApp(cluster, image, 32, "sleep 600")
                + FargateApp.service("app", 1, null));
        String sentence = "Image \"" + image + "\" is not present on the Docker engine";
        try {
            CliRun failed = CliRun.in(dir, "apply", "-auto-approve");
            assertEquals(1, failed.exitCode(), failed::toString);
            assertTrue(failed.err().contains(sentence), failed::toString);
            FailuresIT.assertNoStackTrace(failed);
            assertEquals(List.of(), containers(), "no container is left behind");
            assertEquals(List.of(), taskArns(), "no task runs");
            List<String> stopped = taskArns("--desired-status", "STOPPED");
            assertTrue(!stopped.isEmpty(), "the failed starts are recorded");
            JsonNode task = describeTask(stopped.get(0));
            assertEquals("TaskFailedToStart", task.get("stopCode").asText(), task::toString);
            assertTrue(task.get("stoppedReason").asText().startsWith(sentence), task::toString);
            // ECS says it on the container too, under its error name.
            JsonNode app = task.get("containers").get(0);
            assertEquals("app", app.get("name").asText(), task::toString);
            assertEquals("STOPPED", app.get("lastStatus").asText(), task::toString);
            assertTrue(app.get("reason").asText().startsWith("CannotPullContainerError: " + sentence), task::toString);

            JsonNode run = ecs("run-task", "--cluster", cluster, "--task-definition", cluster + "-app",
                    "--launch-type", "FARGATE").get("tasks").get(0);
            assertEquals("STOPPED", run.get("lastStatus").asText(), run::toString);
            assertEquals("TaskFailedToStart", run.get("stopCode").asText(), run::toString);
            assertTrue(run.get("stoppedReason").asText().startsWith(sentence), run::toString);
            assertTrue(run.get("containers").get(0).get("reason").asText().startsWith("CannotPullContainerError: "),
                    run::toString);
            assertEquals(List.of(), containers(), "run-task leaves no container either");

            DockerEngine.cli("tag", "berth-example/busybox:latest", image);
            CliRun recovered = CliRun.in(dir, "apply", "-auto-approve");
            assertEquals(0, recovered.exitCode(), recovered::toString);
            assertEquals(1, running().size(), "the service runs once the image is there");
            assertEquals(1, taskArns().size());
            assertConverged();
            JsonNode again = ecs("run-task", "--cluster", cluster, "--task-definition", cluster + "-app",
                    "--launch-type", "FARGATE").get("tasks").get(0);
            assertEquals("RUNNING", again.get("lastStatus").asText(), again::toString);
        } finally {
            // Docker keeps a name its containers use, so they go first; then only the tag this
            // test made goes, and the image keeps its other names.
            DockerEngine.cleanUp(docker, cluster);
            new ProcessBuilder("docker", "rmi", image).redirectErrorStream(true).start().waitFor();
        }
    }
}
