package dev.berth.ecs.taskdef;

import dev.berth.ecs.secret.SecretStore;
import dev.berth.ecs.secret.StoreSecretResolver;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.container;
import static dev.berth.ecs.fake.Configs.taskDef;
import static dev.berth.ecs.fake.Harness.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Containers' secrets: their form at validation, their presence in the store at plan. */
class SecretChecksTest {
    @TempDir
    Path dir;

    private static MapValue json(String secrets) {
        return taskDef("memory", "512", "container_definitions", "[{\"name\":\"web\",\"image\":\"nginx\",\"secrets\":"
                + secrets + "}]");
    }

    private static List<String> errors(List<ProviderDiagnostic> diags) {
        return diags.stream().filter(ProviderDiagnostic::isError).map(ProviderDiagnostic::summary).toList();
    }

    @Test
    void secretsAreReadFromJsonAndFromBlocksAlike() {
        MapValue fromJson = json("[{\"name\":\"DB\",\"valueFrom\":\"db\"},{\"name\":\"API\",\"valueFrom\":\"arn:aws:ssm:r:1:parameter/api\"}]");
        MapValue fromBlocks = taskDef("memory", "512", "container", blocks(container("name", "web", "image", "nginx",
                "secrets", List.of(obj("name", "DB", "value_from", "db"),
                        obj("name", "API", "value_from", "arn:aws:ssm:r:1:parameter/api")))));
        for (MapValue config : List.of(fromJson, fromBlocks)) {
            ContainerSource source = ContainerSource.of(config);
            assertEquals(List.of(), source.problems(), source.problems().toString());
            ContainerSecrets secrets = ContainerSecrets.of(source.containers().get(0));
            assertEquals(Map.of("DB", "db", "API", "arn:aws:ssm:r:1:parameter/api"), secrets.byVariable());
        }
        assertEquals(ContainerSource.of(fromJson).canonical("bridge"), ContainerSource.of(fromBlocks).canonical("bridge"),
                "both forms normalise to one canonical JSON, so switching forms is no change");
    }

    @Test
    void aMalformedReferenceOrATwiceSetVariableIsAValidationError() {
        assertEquals(List.of("Container \"web\" secret \"DB\": Invalid valueFrom \"arn:aws:s3:::b/k\": berth reads secrets "
                        + "from Secrets Manager (arn:aws:secretsmanager:...) and SSM parameter (arn:aws:ssm:...) ARNs, not from s3."),
                errors(new TaskDefinitionResource(null).validate(json("[{\"name\":\"DB\",\"valueFrom\":\"arn:aws:s3:::b/k\"}]"))));
        assertEquals(List.of("Container \"web\" sets secret \"DB\" twice."), errors(new TaskDefinitionResource(null).validate(
                json("[{\"name\":\"DB\",\"valueFrom\":\"a\"},{\"name\":\"DB\",\"valueFrom\":\"b\"}]"))));
    }

    @Test
    void aPlanNamesTheContainerAndTheSecretThatIsNotInTheStore() {
        try (SecretStore store = SecretStore.open(dir.resolve("secrets.db"))) {
            store.put("db", "value-1234");
        }
        try (StoreSecretResolver resolver = new StoreSecretResolver(dir.resolve("secrets.db"))) {
            TaskDefinitionResource resource = new TaskDefinitionResource(null, resolver);
            MapValue config = json("[{\"name\":\"DB\",\"valueFrom\":\"arn:aws:secretsmanager:r:1:secret:db-AbCdEf\"},"
                    + "{\"name\":\"API\",\"valueFrom\":\"arn:aws:ssm:r:1:parameter/team/api\"}]");
            List<ProviderDiagnostic> diags = resource.plan(null, config).diagnostics();
            assertEquals(List.of("Container \"web\" secret \"API\": No secret named \"team/api\" in berth's secret store "
                    + dir.resolve("secrets.db") + "; set it with: berth secret put team/api"), errors(diags));
            assertEquals(List.of("container_definitions"), diags.get(0).path());
            assertTrue(new TaskDefinitionResource(null).plan(null, config).diagnostics().isEmpty(),
                    "a provider without a store (a berth server's client) leaves the check to the server's tasks");
        }
    }

    @Test
    void aPlanThatAskedTheStoreSaysSoAndOneThatAskedNothingFollowsFromItsRequest() {
        try (StoreSecretResolver resolver = new StoreSecretResolver(dir.resolve("secrets.db"))) {
            TaskDefinitionResource resource = new TaskDefinitionResource(null, resolver);
            assertFalse(resource.plan(null, json("[{\"name\":\"DB\",\"valueFrom\":\"db\"}]")).fromRequestAlone(),
                    "a secret is looked up in the store, which may change between plans");
            assertTrue(resource.plan(null, json("[]")).fromRequestAlone());
            assertTrue(new TaskDefinitionResource(null).plan(null, json("[{\"name\":\"DB\",\"valueFrom\":\"db\"}]"))
                    .fromRequestAlone(), "without a store nothing is looked up");
        }
    }
}
