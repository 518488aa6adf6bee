package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.testing.NoStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.berth.ecs.runtime.docker.TestEngine.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The apply walker starts and stops tasks from up to 10 threads through one runtime. */
@Tag(NoStore.TAG)
class ConcurrentStartIT extends EngineFixture {
    private static final System.Logger LOG = System.getLogger(ConcurrentStartIT.class.getName());
    private static final int TASKS = 10;

    @Test
    void tenTasksStartAndStopConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(TASKS);
        try {
            List<String> arns = new ArrayList<>();
            List<Future<List<ContainerInfo>>> starts = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < TASKS; i++) {
                String arn = engine.newTaskArn();
                arns.add(arn);
                starts.add(pool.submit(() -> engine.runtime.startTask(engine.task(arn, "awsvpc",
                        container("web", List.of(new PortBinding(80, 0, "tcp")), "exec httpd -f -p 80"),
                        container("sidecar", List.of(), "sleep 600")))));
            }
            Set<Integer> hostPorts = new HashSet<>();
            for (Future<List<ContainerInfo>> f : starts) {
                List<ContainerInfo> task = f.get();
                assertEquals(2, task.size());
                assertTrue(task.stream().allMatch(ContainerInfo::running));
                hostPorts.add(task.get(0).ports().get(0).hostPort());
            }
            LOG.log(System.Logger.Level.INFO, "{0} 2-container tasks started from {0} threads in {1} ms",
                    TASKS, (System.nanoTime() - t0) / 1_000_000);
            assertEquals(TASKS, hostPorts.size(), "every task got its own dynamic host port");
            assertEquals(2 * TASKS, engine.leftovers().size());

            long t1 = System.nanoTime();
            List<Future<?>> stops = new ArrayList<>();
            for (String arn : arns) {
                stops.add(pool.submit(() -> engine.runtime.stopTask(arn, Duration.ofSeconds(1))));
            }
            for (Future<?> f : stops) {
                f.get();
            }
            LOG.log(System.Logger.Level.INFO, "{0} tasks stopped (1 s grace) from {0} threads in {1} ms",
                    TASKS, (System.nanoTime() - t1) / 1_000_000);
            assertEquals(List.of(), engine.leftovers());
        } finally {
            pool.shutdownNow();
        }
    }
}
