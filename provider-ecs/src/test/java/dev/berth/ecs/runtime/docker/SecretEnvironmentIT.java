package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerSettings;
import dev.berth.ecs.runtime.ContainerVolumes;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.secret.SecretStore;
import dev.berth.ecs.secret.StoreSecretResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Containers' secrets on the real engine: read from a real secret store as the containers are created. */
class SecretEnvironmentIT extends EngineFixture {
    static final String VALUE = "v4lue-OF-the-SECRET";

    @TempDir
    Path dir;
    StoreSecretResolver secrets;
    DockerRuntime runtime;

    @BeforeEach
    void storeAndRuntime() {
        try (SecretStore store = SecretStore.open(dir.resolve("secrets.db"))) {
            store.put("DB_PASSWORD", VALUE);
            store.put("creds", "{\"user\":\"app\"}");
        }
        secrets = new StoreSecretResolver(dir.resolve("secrets.db"));
        runtime = DockerRuntime.connect(null, secrets);
    }

    @AfterEach
    void closeThem() {
        if (runtime != null) runtime.close();
        if (secrets != null) secrets.close();
    }

    private static ContainerLaunch withSecrets(String name, Map<String, String> env, Map<String, String> secrets,
                                               String shell) {
        return new ContainerLaunch(name, TestEngine.IMAGE, null, null, null, List.of(), env, null,
                List.of("sh", "-c", shell), true, null, ContainerVolumes.NONE, ContainerSettings.NONE, secrets);
    }

    @Test
    void theValuesReachTheEnvironmentAndNoLabel() throws Exception {
        String arn = engine.newTaskArn();
        List<ContainerInfo> started = runtime.startTask(engine.task(arn, "bridge", withSecrets("app",
                Map.of("PLAIN", "x", "DB_PASSWORD", "from-environment"),
                Map.of("DB_PASSWORD", "arn:aws:secretsmanager:us-east-1:123456789012:secret:DB_PASSWORD-AbCdEf",
                        "DB_USER", "arn:aws:secretsmanager:us-east-1:1:secret:creds:user::"), "sleep 60")));
        ContainerInfo c = started.get(0);
        assertEquals(VALUE, c.environment().get("DB_PASSWORD"), "the secret wins over environment, as on ECS");
        assertEquals("app", c.environment().get("DB_USER"));
        assertEquals("x", c.environment().get("PLAIN"));
        String env = engine.exec(c.id(), "env");
        assertTrue(env.contains("DB_PASSWORD=" + VALUE + "\n"), env);
        assertFalse(env.contains("from-environment"), "one DB_PASSWORD only:\n" + env);
        assertFalse(c.labels().toString().contains(VALUE), c.labels().toString());
    }

    @Test
    void aMissingSecretFailsTheStartWithEcssReasonBeforeAnythingIsCreated() {
        String arn = engine.newTaskArn();
        RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> runtime.startTask(engine.task(arn, "bridge",
                TestEngine.container("first", List.of(), "sleep 60"),
                withSecrets("app", Map.of(), Map.of("TOKEN", "arn:aws:ssm:us-east-1:1:parameter/gone"), "sleep 60"))));
        assertEquals("ResourceInitializationError: unable to pull secrets or registry auth: execution resource "
                + "retrieval failed: unable to retrieve secrets from ssm: invalid ssm parameters: gone", e.getMessage());
        assertEquals(List.of(), engine.containersOf(arn), "nothing was created");
    }

    @Test
    void aContainerThatPrintsItsSecretAndDiesDoesNotPutItInTheFailure() {
        String arn = engine.newTaskArn();
        RuntimeFailure.ExitedAtStart e = assertThrows(RuntimeFailure.ExitedAtStart.class, () -> runtime.startTask(
                engine.task(arn, "bridge", withSecrets("app", Map.of(), Map.of("DB_PASSWORD", "DB_PASSWORD"),
                        "echo password is $DB_PASSWORD; exit 4"))));
        assertTrue(e.getMessage().contains("password is (sensitive value)"), e.getMessage());
        assertFalse(e.getMessage().contains(VALUE), e.getMessage());
    }
}
