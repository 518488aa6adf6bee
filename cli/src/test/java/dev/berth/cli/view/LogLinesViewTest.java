package dev.berth.cli.view;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogLinesViewTest {
    @Test
    void aLineIsTimeContainerAndShortTaskIdThenTheText() {
        assertEquals("2026-12-03T13:47:26.313978861Z worker/4c80d90a job 0 done",
                LogLinesView.line(Instant.parse("2026-12-03T13:47:26.313978861Z"), "worker",
                        "4c80d90a0f4a47e4b55aaf66d23eb994", "job 0 done"));
    }

    @Test
    void aContainerBerthKeepsNoCopyOfSaysWhereItsOutputIs() {
        assertEquals("# heartbeat/4c80d90a logs with the json-file log driver; berth keeps no copy (docker logs 95f0401eaa71).",
                LogLinesView.notKept("heartbeat", "4c80d90a0f4a47e4b55aaf66d23eb994", "json-file",
                        "95f0401eaa71aa00bb"));
        assertEquals("# web/t1 logs with the engine's default log driver; berth keeps no copy.",
                LogLinesView.notKept("web", "t1", null, null));
    }

    @Test
    void aFirelensRoutedContainerPointsAtTheRouter() {
        assertEquals("# web/4c80d90a sends its output to the task's FireLens log router; what the router does with it "
                + "follows the router's outputs and its own log configuration (berth logs ... --container ROUTER).",
                LogLinesView.notKept("web", "4c80d90a0f4a47e4b55aaf66d23eb994", "awsfirelens", "95f0401eaa71aa00bb"));
    }
}
