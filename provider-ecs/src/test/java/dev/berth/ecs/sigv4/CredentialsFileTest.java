package dev.berth.ecs.sigv4;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CredentialsFileTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("credentials"), text);
    }

    @Test
    void everyProfileIsAKey() throws IOException {
        Path f = write("# who may call\n[alice]\naws_access_key_id = AKIDALICE\naws_secret_access_key = s1\n\n"
                + "[profile bob]\n; a comment\naws_access_key_id=AKIDBOB\naws_secret_access_key=s2\nregion = x\n");
        assertEquals(Map.of("AKIDALICE", "s1", "AKIDBOB", "s2"), CredentialsFile.read(f).secretsByKeyId());
    }

    @Test
    void mistakesAreFileLineColumnWithTheLine() throws IOException {
        Path f = write("[alice]\naws_access_key_id = A\n  aws_secret_access_key\n");
        assertEquals(f + ":3:3: expected NAME = VALUE or a [profile] header.\n    aws_secret_access_key\n    ^",
                assertThrows(CredentialsFile.BadFile.class, () -> CredentialsFile.read(f)).getMessage());
        Path g = write("aws_access_key_id = A\n");
        assertEquals(g + ":1:1: a setting comes after a [profile] header.\n  aws_access_key_id = A\n  ^",
                assertThrows(CredentialsFile.BadFile.class, () -> CredentialsFile.read(g)).getMessage());
        Path h = write("[alice]\naws_access_key_id = A\n");
        assertEquals(h + ":1:1: profile [alice] has no aws_secret_access_key.\n  [alice]\n  ^",
                assertThrows(CredentialsFile.BadFile.class, () -> CredentialsFile.read(h).secretsByKeyId()).getMessage());
        Path twice = write("[a]\naws_access_key_id = A\naws_secret_access_key = 1\n[b]\naws_access_key_id = A\naws_secret_access_key = 2\n");
        assertEquals(twice + ":5:1: access key id A is given twice (also in profile [a]).\n  aws_access_key_id = A\n  ^",
                assertThrows(CredentialsFile.BadFile.class, () -> CredentialsFile.read(twice).secretsByKeyId()).getMessage());
    }

    @Test
    void aClientTakesTheEnvironmentFirstThenTheProfile() throws IOException {
        Path f = write("[default]\naws_access_key_id = D\naws_secret_access_key = d\n[ops]\naws_access_key_id = O\naws_secret_access_key = o\n");
        assertEquals(Optional.of(new AccessKey("E", "e")), ClientKeys.key(Map.of("AWS_ACCESS_KEY_ID", "E",
                "AWS_SECRET_ACCESS_KEY", "e", "AWS_SHARED_CREDENTIALS_FILE", f.toString())));
        assertEquals("D", ClientKeys.key(Map.of("AWS_SHARED_CREDENTIALS_FILE", f.toString())).orElseThrow().id());
        assertEquals("O", ClientKeys.key(Map.of("AWS_SHARED_CREDENTIALS_FILE", f.toString(), "AWS_PROFILE", "ops")).orElseThrow().id());
        assertEquals(Optional.empty(), ClientKeys.key(Map.of("HOME", dir.resolve("nohome").toString())));
        assertEquals("The config profile (dev) could not be found in " + f + ".", assertThrows(CredentialsFile.BadFile.class,
                () -> ClientKeys.key(Map.of("AWS_SHARED_CREDENTIALS_FILE", f.toString(), "AWS_PROFILE", "dev"))).getMessage());
    }
}
