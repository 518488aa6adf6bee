package dev.berth.ecs.scheduler;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RolloutAndFargateTest {
    @Test
    void limitsRoundMinimumUpAndMaximumDown() {
        assertEquals(2, Rollout.lowerLimit(3, 50));   // 1.5 -> 2
        assertEquals(4, Rollout.upperLimit(3, 150));  // 4.5 -> 4
        assertEquals(3, Rollout.upperLimit(3, 133));  // 3.99 -> 3
    }

    @Test
    void defaultsStartAllNewThenStopAllOld() {
        assertEquals(List.of(new Rollout.Step(4, 0, 4, 4), new Rollout.Step(0, 4, 0, 4)), Rollout.plan(4, 4, null, null));
    }

    @Test
    void halfHealthyStopsOldWhileStartingNew() {
        // desired 4, min 50% -> 2, max 100% -> 4: stop 2 old, no room to start; then start 2, stop none...
        assertEquals(List.of(new Rollout.Step(0, 2, 2, 0), new Rollout.Step(2, 0, 2, 2), new Rollout.Step(0, 2, 0, 2),
                new Rollout.Step(2, 0, 0, 4)), Rollout.plan(4, 4, 50, 100));
    }

    @Test
    void noRoomIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rollout.plan(3, 3, 100, 100));
        assertTrue(e.getMessage().startsWith("deployment cannot progress"), e.getMessage());
    }

    @Test
    void everyStepRespectsBothBounds() {
        for (int s = 0; s < 1000; s++) {
            long seed = 77_000L + s;
            Random r = new Random(seed);
            int desired = 1 + r.nextInt(40);
            int min = r.nextInt(101);
            int max = 100 + r.nextInt(101);
            int lower = Rollout.lowerLimit(desired, min);
            int upper = Rollout.upperLimit(desired, max);
            if (lower == desired && upper == desired) {
                // Rounding can close the window (desired 1 at 50%/150%): nothing may start or stop.
                final int d = desired, mn = min, mx = max;
                assertThrows(IllegalArgumentException.class, () -> Rollout.plan(d, d, mn, mx), "seed " + seed);
                continue;
            }
            int old = desired;
            int fresh = 0;
            for (Rollout.Step step : Rollout.plan(desired, desired, min, max)) {
                assertTrue(old + fresh + step.start() <= Math.max(upper, old + fresh), "seed " + seed + " above maximum: " + step);
                assertTrue(old + fresh - step.stop() >= Math.min(lower, old + fresh), "seed " + seed + " below minimum: " + step);
                old = step.oldRunning();
                fresh = step.newRunning();
            }
            assertEquals(0, old, "seed " + seed);
            assertEquals(desired, fresh, "seed " + seed);
        }
    }

    @Test
    void fargatePairs() {
        assertTrue(FargateSizes.validate(256, 512).isEmpty());
        assertTrue(FargateSizes.validate(4096, 30720).isEmpty());
        assertTrue(FargateSizes.validate(8192, 20480).isEmpty());
        assertTrue(FargateSizes.validate(16384, 122880).isEmpty());
        assertEquals(List.of(1024, 2048, 3072, 4096), FargateSizes.validMemory(512));
        assertEquals(12, FargateSizes.validMemory(8192).size());
        assertEquals("Fargate does not support memory 3072 with cpu 256; valid memory values for cpu 256 are [512, 1024, 2048]",
                FargateSizes.validate(256, 3072).orElseThrow());
        assertEquals("Fargate does not support memory 18432 with cpu 8192; valid memory values for cpu 8192 are "
                + "[16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440]",
                FargateSizes.validate(8192, 18432).orElseThrow());
        assertEquals("Fargate does not support cpu 300; valid cpu values are [256, 512, 1024, 2048, 4096, 8192, 16384]",
                FargateSizes.validate(300, 1024).orElseThrow());
    }
}
