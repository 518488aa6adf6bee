package dev.berth.cli.it;

import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the kill harness: 10 trials by default, two at a time (scripts/test.sh runs it on each
 * store, so 20 kills a run); {@code -Dkill.trials=N}, {@code -Dkill.seed=S} and
 * {@code -Dkill.parallel=P} (scripts/kill-harness.sh passes them) choose how many, replay a run,
 * and how many run at once.
 */
class KillHarnessIT {
    @TempDir
    Path dir;

    @Test
    void noKilledApplyOrDestroyStrandsAnything() throws Exception {
        int trials = Integer.getInteger("kill.trials", 10);
        long seed = Long.getLong("kill.seed", System.nanoTime());
        int parallel = Integer.getInteger("kill.parallel", 2);
        try (DockerRuntime docker = DockerEngine.require()) {
            List<KillHarness.Trial> run = new KillHarness(docker, dir, System.out).run(trials, seed, parallel);
            List<KillHarness.Trial> failed = run.stream().filter(t -> t.failure() != null).toList();
            long killed = run.stream().filter(KillHarness.Trial::killed).count();
            System.out.println("kill harness: " + trials + " trials, " + killed + " killed mid-run, " + failed.size()
                    + " failed (seed " + seed + ")");
            assertEquals(List.of(), failed, "seed " + seed);
        }
    }
}
