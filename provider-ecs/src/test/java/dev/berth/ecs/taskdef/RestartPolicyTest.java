package dev.berth.ecs.taskdef;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The agent's rule for restarting a container in place, as ECS's agent decides it. */
class RestartPolicyTest {
    private static final Instant STARTED = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aContainerThatRanItsPeriodIsRestartedWhateverItsExitCode() {
        RestartPolicy p = new RestartPolicy(true, List.of(), 60);
        assertNull(p.refusal(1, STARTED, STARTED.plusSeconds(60)));
        assertNull(p.refusal(0, STARTED, STARTED.plusSeconds(3600)));
    }

    @Test
    void oneThatExitedBeforeItsPeriodIsNot() {
        RestartPolicy p = new RestartPolicy(true, List.of(), 60);
        assertEquals("it ran 59 s since its last start, less than its restartAttemptPeriod of 60 s",
                p.refusal(1, STARTED, STARTED.plusSeconds(59)));
    }

    @Test
    void thePeriodDefaultsToEcss300Seconds() {
        RestartPolicy p = new RestartPolicy(true, null, null);
        assertEquals(300, p.period().toSeconds());
        assertEquals("it ran 299 s since its last start, less than its restartAttemptPeriod of 300 s",
                p.refusal(2, STARTED, STARTED.plusSeconds(299)));
        assertNull(p.refusal(2, STARTED, STARTED.plusSeconds(300)));
    }

    @Test
    void anIgnoredExitCodeOrADisabledPolicyIsNeverRestarted() {
        assertEquals("exit code 0 is one its restart policy ignores",
                new RestartPolicy(true, List.of(0), 60).refusal(0, STARTED, STARTED.plusSeconds(600)));
        assertEquals("its restart policy is not enabled",
                new RestartPolicy(false, List.of(), 60).refusal(1, STARTED, STARTED.plusSeconds(600)));
        assertEquals("its exit code is not known",
                new RestartPolicy(true, List.of(), 60).refusal(null, STARTED, STARTED.plusSeconds(600)));
    }
}
