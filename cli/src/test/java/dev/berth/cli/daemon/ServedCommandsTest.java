package dev.berth.cli.daemon;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServedCommandsTest {
    private static boolean served(String... args) {
        return ServedCommands.served(List.of(args));
    }

    @Test
    void readingCommandsAreServed() {
        assertTrue(served("validate"));
        assertTrue(served("-chdir=x", "plan", "-no-color"));
        assertTrue(served("-chdir", "apply", "plan"), "the directory named apply is -chdir's value");
        assertTrue(served("ecs", "list-clusters"));
        assertTrue(served("ecs", "describe-services", "--cluster", "x"));
        assertTrue(served("state", "list"));
        assertTrue(served("state", "show", "ecs_cluster.x"));
        assertTrue(served("version"));
    }

    @Test
    void applyAndDestroyAreServed() {
        assertTrue(served("apply"));
        assertTrue(served("-chdir=x", "apply", "-auto-approve", "-no-color"));
        assertTrue(served("apply", "tfplan"), "a saved plan");
        assertTrue(served("destroy", "-auto-approve"));
        assertTrue(served("-chdir", "server", "destroy"), "the directory named server is -chdir's value");
    }

    @Test
    void commandsWithSideEffectsOrLongWaitsAreNot() {
        for (String sub : List.of("server", "agent", "console", "import", "logs", "secret", "force-unlock")) {
            assertFalse(served(sub), sub);
        }
        assertFalse(served("ecs", "create-cluster", "--cluster-name", "x"));
        assertFalse(served("ecs", "run-task"));
        assertFalse(served("state", "rm", "x"));
        assertFalse(served("state", "push", "-"));
        assertFalse(served("-chdir", "plan", "server"), "the directory named plan is -chdir's value");
        assertFalse(served());
        assertFalse(served("-help"));
    }
}
