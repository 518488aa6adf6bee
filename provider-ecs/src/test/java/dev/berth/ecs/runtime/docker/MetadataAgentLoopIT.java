package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.model.HostConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metadata agent's own loop, run in a container of the test's with the image it runs in: while
 * the namespaces' owners run, a pass of the loop does not start a process per namespace, and the
 * loop still stops a namespace's server and removes its directory once its owner is gone.
 */
class MetadataAgentLoopIT extends EngineFixture {
    private static final int NAMESPACES = 10;
    /**
     * Namespaces served as the launch leaves them: each directory names its owner's process, its
     * server's process (an {@code httpd} whose command line names the directory) and the namespace.
     * The container's processes share one network namespace, which is all the loop compares. One
     * more, "noserver", has no server's process id, as a launch leaves it when its server ended at
     * once. Then the loop, as the agent runs it.
     */
    private static final String SETUP = """
            mkdir -p /s; printf '#!/bin/sh\\nsleep 3600\\n' > /s/httpd; chmod +x /s/httpd
            serve() { mkdir -p /t/$1; (sleep 3600 </dev/null >/dev/null 2>&1 & echo $! > /t/$1/pid)
              (/s/httpd /t/$1/ </dev/null >/dev/null 2>&1 & echo $! > /t/$1/server)
              read -r p < /t/$1/pid; readlink /proc/$p/ns/net > /t/$1/ns.new; }
            for n in $(seq 1 $NAMESPACES) noserver; do serve $n; done
            for n in $(seq 1 $NAMESPACES); do cp /t/$n/server /t/$n/httpd; done
            for n in $(seq 1 $NAMESPACES) noserver; do mv /t/$n/ns.new /t/$n/ns; done
            export IDLE=60
            exec sh -c "$LOOP"
            """;

    /**
     * Forks are counted by the process ids the container's PID namespace hands out: the loop
     * forked three times per namespace every second to read two files and a link, which with 64
     * tasks running took 40% of a 2-core machine. Now a pass forks for its sleep only; each docker
     * exec below takes a few ids of its own.
     */
    @Test
    void aPassDoesNotStartAProcessPerNamespaceAndAGoneOwnersServerAndDirectoryGo() throws Exception {
        String id = engine.raw.createContainerCmd(TestEngine.IMAGE)
                .withLabels(engine.runLabels())
                .withEnv("LOOP=" + MetadataAgent.LOOP, "NAMESPACES=" + NAMESPACES)
                .withHostConfig(HostConfig.newHostConfig().withInit(true).withNetworkMode("none"))
                .withEntrypoint("sh").withCmd("-c", SETUP)
                .exec().getId();
        engine.raw.startContainerCmd(id).exec();
        awaitOutput(id, "ls /t/*/ns | wc -l", String.valueOf(NAMESPACES + 1));

        int passes = 3;
        long before = lastPid(id);
        Thread.sleep(passes * 1_000L + 500);
        long forks = lastPid(id) - before;
        assertTrue(forks < (long) NAMESPACES * passes,
                forks + " processes in " + passes + " passes over " + NAMESPACES + " namespaces");

        String server = engine.exec(id, "sh", "-c", "read -r s < /t/2/server; echo $s").strip();
        engine.exec(id, "sh", "-c", "for n in 2 noserver; do read -r p < /t/$n/pid; kill $p; done");
        awaitOutput(id, "ls /t | tr '\\n' ' '", "1 10 3 4 5 6 7 8 9");
        awaitOutput(id, "[ -d /proc/" + server + " ] && echo running || echo stopped", "stopped");
    }

    /** The process id the container's PID namespace handed out last. */
    private long lastPid(String id) throws InterruptedException {
        String loadavg = engine.exec(id, "cat", "/proc/loadavg").strip();
        return Long.parseLong(loadavg.substring(loadavg.lastIndexOf(' ') + 1));
    }

    /** Waits up to 10 s until {@code script}, run in the container, prints {@code expected}. */
    private void awaitOutput(String id, String script, String expected) throws InterruptedException {
        String said = "";
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            said = engine.exec(id, "sh", "-c", script).strip();
            if (said.equals(expected)) return;
            Thread.sleep(100);
        }
        assertEquals(expected, said);
    }
}
