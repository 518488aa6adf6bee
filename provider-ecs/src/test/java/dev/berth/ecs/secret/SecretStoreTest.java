package dev.berth.ecs.secret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretStoreTest {
    @TempDir
    Path dir;

    @Test
    void theFileIsOwnerOnlyAndSoAreTheDirectoriesItMakes() throws Exception {
        Path file = dir.resolve("a").resolve("b").resolve("secrets.db");
        try (SecretStore store = SecretStore.open(file)) {
            store.put("DB_PASSWORD", "hunter2-long");
            for (String suffix : new String[]{"-wal", "-shm"}) {
                Path side = file.resolveSibling("secrets.db" + suffix);
                assertTrue(Files.exists(side), "WAL mode keeps " + side + " while the store is open");
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(side)), suffix);
            }
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file.getParent().getParent())));
    }

    @Test
    void putGetListAndDelete() throws Exception {
        try (SecretStore store = SecretStore.open(dir.resolve("secrets.db"))) {
            store.put("b", "two");
            store.put("a", "one");
            store.put("/prod/db", "three");
            assertEquals(Optional.of("one"), store.get("a"));
            assertEquals(Optional.of("three"), store.get("prod/db"), "a leading slash is dropped, as SSM's ARN drops it");
            List<SecretEntry> listed = store.list();
            assertEquals(List.of("a", "b", "prod/db"), listed.stream().map(SecretEntry::name).toList());

            SecretEntry before = listed.get(0);
            Thread.sleep(5);
            store.put("a", "uno");
            SecretEntry after = store.list().get(0);
            assertEquals(Optional.of("uno"), store.get("a"));
            assertEquals(before.created(), after.created(), "replacing a value keeps when it was created");
            assertTrue(after.updated().isAfter(before.updated()), "and moves when it was set");

            assertTrue(store.delete("a"));
            assertFalse(store.delete("a"), "deleting again finds nothing");
            assertEquals(Optional.empty(), store.get("a"));
            assertEquals(List.of("b", "prod/db"), store.list().stream().map(SecretEntry::name).toList());
        }
    }

    @Test
    void valuesSurviveReopeningAndADeletedValueLeavesNoTraceInTheFile() throws Exception {
        Path file = dir.resolve("secrets.db");
        try (SecretStore store = SecretStore.open(file)) {
            store.put("keep", "kept-value-0001");
            store.put("gone", "deleted-value-QWERTY");
            store.delete("gone");
        }
        try (SecretStore store = SecretStore.open(file)) {
            assertEquals(Optional.of("kept-value-0001"), store.get("keep"));
        }
        // Closing the last connection checkpoints the WAL into the file and removes it.
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("kept-value-0001"), "the test would prove nothing if values were not stored as written");
        assertFalse(bytes.contains("deleted-value-QWERTY"), "secure_delete overwrites the deleted value");
    }

    @Test
    void badNamesAndValuesAreRefusedInOneSentence() throws Exception {
        try (SecretStore store = SecretStore.open(dir.resolve("secrets.db"))) {
            SecretException bad = assertThrows(SecretException.class, () -> store.put("has space", "v"));
            assertEquals("Invalid secret name \"has space\": use 1 to 512 letters, digits and / _ + = . @ - characters.",
                    bad.getMessage());
            assertThrows(SecretException.class, () -> store.put("", "v"));
            assertThrows(SecretException.class, () -> store.put("a:b", "v"));
            assertThrows(SecretException.class, () -> store.put("x".repeat(513), "v"));
            store.put("x".repeat(512), "v");
            assertEquals("The value of secret \"e\" is empty.",
                    assertThrows(SecretException.class, () -> store.put("e", "")).getMessage());
            SecretException big = assertThrows(SecretException.class, () -> store.put("big", "x".repeat(65_537)));
            assertTrue(big.getMessage().contains("at most 65536 bytes"), big.getMessage());
        }
    }

    @Test
    void aFileThatIsNotASecretStoreIsRefusedNamingIt() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "this is not a database, but some text long enough to have a header".repeat(20));
        SecretException e = assertThrows(SecretException.class, () -> SecretStore.open(file));
        assertTrue(e.getMessage().startsWith("cannot open the secret store " + file), e.getMessage());
        SecretException d = assertThrows(SecretException.class, () -> SecretStore.open(dir));
        assertEquals("cannot open the secret store " + dir + ": it is a directory", d.getMessage());
    }

    @Test
    void locationIsTheEnvironmentsElseBesideTheControlPlane() {
        Path wd = Path.of("/work/here");
        assertEquals(Path.of("/work/here/s.db"), SecretStoreLocation.resolve(wd, Map.of("BERTH_SECRET_STORE", "s.db")));
        assertEquals(Path.of("/x/berth/secrets.db"), SecretStoreLocation.resolve(wd, Map.of("XDG_DATA_HOME", "/x")));
        assertEquals(Path.of("/home/u/.local/share/berth/secrets.db"),
                SecretStoreLocation.resolve(wd, Map.of("HOME", "/home/u", "XDG_DATA_HOME", "relative")));
    }
}
