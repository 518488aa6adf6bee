package dev.berth.ecs.secret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreSecretResolverTest {
    static final String VALUE = "pa55-VALUE-9z";

    @TempDir
    Path dir;

    private StoreSecretResolver resolverWith(String name, String value) {
        try (SecretStore store = SecretStore.open(dir.resolve("secrets.db"))) {
            store.put(name, value);
        }
        return new StoreSecretResolver(dir.resolve("secrets.db"));
    }

    @Test
    void everyFormOfReferenceReachesTheSameSecret() {
        try (StoreSecretResolver r = resolverWith("prod/db", VALUE)) {
            for (String ref : new String[]{"prod/db", "/prod/db", "arn:aws:ssm:us-east-1:123456789012:parameter/prod/db",
                    "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db",
                    "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
                    "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf:::"}) {
                assertEquals(VALUE, r.resolve(ref), ref);
                assertEquals(Optional.empty(), r.problem(ref), ref);
            }
        }
    }

    @Test
    void aNameThatLooksSuffixedIsReadAsWrittenWhenItExists() {
        try (StoreSecretResolver r = resolverWith("api-secret", VALUE)) {
            // "-secret" has six letters, like Secrets Manager's suffix: the exact name must win.
            assertEquals(VALUE, r.resolve("arn:aws:secretsmanager:r:1:secret:api-secret"));
        }
    }

    @Test
    void aJsonKeyReadsOneFieldOfAJsonSecret() {
        try (StoreSecretResolver r = resolverWith("creds", "{\"username\":\"app\",\"port\":5432}")) {
            assertEquals("app", r.resolve("arn:aws:secretsmanager:r:1:secret:creds-AbCdEf:username::"));
            assertEquals("5432", r.resolve("arn:aws:secretsmanager:r:1:secret:creds:port::"));
            SecretException e = assertThrows(SecretException.class,
                    () -> r.resolve("arn:aws:secretsmanager:r:1:secret:creds:password::"));
            assertEquals("Secret \"creds\" has no JSON key \"password\".", e.getMessage());
            assertEquals(SecretException.ECS_PREFIX + "unable to retrieve secret from asm: retrieved secret from Secrets "
                    + "Manager did not contain json key password", e.stoppedReason());
        }
    }

    @Test
    void aMissingSecretSaysSoInBerthsWordsAndInEcssForTheTask() {
        try (StoreSecretResolver r = resolverWith("other", VALUE)) {
            SecretException plain = assertThrows(SecretException.class, () -> r.resolve("DB_PASSWORD"));
            assertEquals("No secret named \"DB_PASSWORD\" in berth's secret store " + dir.resolve("secrets.db")
                    + "; set it with: berth secret put DB_PASSWORD", plain.getMessage());
            assertEquals("ResourceInitializationError: unable to pull secrets or registry auth: execution resource "
                    + "retrieval failed: unable to retrieve secrets from ssm: invalid ssm parameters: DB_PASSWORD",
                    plain.stoppedReason());
            String arn = "arn:aws:secretsmanager:us-east-1:1:secret:DB_PASSWORD-AbCdEf";
            SecretException asm = assertThrows(SecretException.class, () -> r.resolve(arn));
            assertEquals("ResourceInitializationError: unable to pull secrets or registry auth: execution resource "
                    + "retrieval failed: unable to retrieve secret from asm: failed to fetch secret " + arn
                    + " from secrets manager: ResourceNotFoundException: Secrets Manager can't find the specified secret.",
                    asm.stoppedReason());
            assertTrue(r.problem("DB_PASSWORD").isPresent());
            assertFalse(plain.getMessage().contains(VALUE));
        }
    }

    @Test
    void noReferenceNoFile() {
        Path file = dir.resolve("never").resolve("secrets.db");
        try (StoreSecretResolver r = new StoreSecretResolver(file)) {
            assertThrows(SecretException.class, () -> r.resolve("arn:aws:s3:::x"));
            SecretException missing = assertThrows(SecretException.class, () -> r.resolve("DB_PASSWORD"));
            assertTrue(missing.getMessage().startsWith("No secret named \"DB_PASSWORD\""), missing.getMessage());
        }
        assertFalse(Files.exists(file), "neither a malformed reference nor a lookup creates the store");
        assertFalse(Files.exists(file.getParent()));
    }
}
