package dev.berth.cli.state;

import dev.berth.cli.CliRun;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** state push of what state pull wrote, against a real SQLite state file; an edited document is refused. */
class StatePushCommandTest {
    @TempDir
    Path dir;

    private CliRun berth(String... args) {
        return CliRun.in(dir, args);
    }

    private Path pull(String name) throws Exception {
        CliRun r = berth("state", "pull");
        assertEquals(0, r.exitCode(), r::toString);
        Path p = dir.resolve(name);
        Files.writeString(p, r.out());
        return p;
    }

    @Test
    void pushOfAnEarlierPullUndoesAnRmWithItsSecretsKept() throws Exception {
        StateFixture.writeExample(dir);
        StateSnapshot before = StateFixture.read(dir);
        pull("pulled.tfstate");
        assertEquals(0, berth("state", "rm", "ecs_service.web").exitCode());

        CliRun push = berth("state", "push", "-force", "pulled.tfstate");

        assertEquals(0, push.exitCode(), push::toString);
        assertTrue(push.out().contains("Pushed pulled.tfstate as serial 3: 1 added, 0 changed, 0 removed."), push::toString);
        StateSnapshot after = StateFixture.read(dir);
        assertEquals(before.resources(), after.resources(), "the secret pull withheld came back from the store");
        assertEquals(before.outputs(), after.outputs());
        assertTrue(after.resources().get(StateFixture.addr("ecs_task_definition.web")).attributes()
                .get("execution_role_arn") instanceof dev.berth.engine.value.SensitiveValue);
    }

    @Test
    void pushOfTheStateAsItIsChangesNothing() throws Exception {
        StateFixture.writeExample(dir);
        pull("same.tfstate");
        CliRun push = berth("state", "push", "same.tfstate");
        assertEquals(0, push.exitCode(), push::toString);
        assertEquals("The state already matches same.tfstate; nothing to push.\n", push.out());
        assertEquals(1, StateFixture.read(dir).serial());
    }

    @Test
    void documentEditedByOneByteIsRefusedInOneSentenceNamingTheFile() throws Exception {
        StateFixture.writeExample(dir);
        Path p = pull("edited.tfstate");
        String text = Files.readString(p);
        int at = text.indexOf("\"desired_count\": 2") + "\"desired_count\": ".length();
        Files.writeString(p, text.substring(0, at) + "3" + text.substring(at + 1));
        assertEquals(0, berth("state", "rm", "ecs_cluster.main").exitCode());
        long serial = StateFixture.read(dir).serial();

        CliRun push = berth("state", "push", "edited.tfstate");

        assertEquals(1, push.exitCode(), push::toString);
        assertEquals("\nError: The state document edited.tfstate was changed after berth state pull wrote it (its "
                + "checksum does not match its content).\n", push.err());
        assertEquals(serial, StateFixture.read(dir).serial(), "nothing was written");
    }

    @Test
    void documentWithoutChecksumIsRefused() throws Exception {
        StateFixture.writeExample(dir);
        Path p = pull("old.tfstate");
        Files.writeString(p, Files.readString(p).replaceAll(",\\s*\"checksum\": \"sha256:[0-9a-f]+\"", ""));
        assertFalse(Files.readString(p).contains("checksum"), "the fixture really dropped the checksum");
        CliRun push = berth("state", "push", "old.tfstate");
        assertEquals(1, push.exitCode(), push::toString);
        assertTrue(push.err().contains("The state document old.tfstate has no checksum, so berth cannot tell whether "
                + "it was edited; push only what berth state pull wrote."), push::toString);
    }

    @Test
    void olderDocumentNeedsForce() throws Exception {
        StateFixture.writeExample(dir);
        pull("serial1.tfstate");
        StateFixture.commit(dir, "apply", new StateChange.PutResource(StateFixture.resource("ecs_cluster.extra",
                Map.of("name", Value.of("extra")), List.of())));

        CliRun refused = berth("state", "push", "serial1.tfstate");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("The state document serial1.tfstate has serial 1, older than the state's 2; "
                + "pass -force to push it anyway."), refused::toString);

        CliRun forced = berth("state", "push", "-force", "serial1.tfstate");
        assertEquals(0, forced.exitCode(), forced::toString);
        assertTrue(forced.out().contains("0 added, 0 changed, 1 removed."), forced::toString);
        assertFalse(StateFixture.read(dir).resources().containsKey(StateFixture.addr("ecs_cluster.extra")));
    }

    @Test
    void secretTheStateNoLongerHoldsIsNotLostSilently() throws Exception {
        StateFixture.writeExample(dir);
        pull("with-secret.tfstate");
        assertEquals(0, berth("state", "rm", "ecs_task_definition.web").exitCode());
        CliRun push = berth("state", "push", "with-secret.tfstate");
        assertEquals(1, push.exitCode(), push::toString);
        assertTrue(push.err().contains("The state document with-secret.tfstate cannot be pushed: a sensitive value of "
                + "ecs_task_definition.web was withheld by pull and the current state no longer holds it."), push::toString);
    }

    @Test
    void notAStateDocumentIsOneSentence() throws Exception {
        StateFixture.writeExample(dir);
        Files.writeString(dir.resolve("x.json"), "{\"version\": 3}");
        CliRun push = berth("state", "push", "x.json");
        assertEquals(1, push.exitCode(), push::toString);
        assertEquals("\nError: The file x.json is not a state document written by berth state pull.\n", push.err());
    }
}
