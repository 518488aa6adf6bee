package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.runtime.LogLine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContainerOutputTest {
    @Test
    void eachTimestampedMessageIsALineWithItsTime() {
        List<LogLine> lines = new ArrayList<>();
        ContainerOutput.add(lines, "2026-12-03T12:57:16.494281751Z hello world\n");
        ContainerOutput.add(lines, "2026-12-03T12:57:17Z crlf\r\n");
        assertEquals(List.of(new LogLine(Instant.parse("2026-12-03T12:57:16.494281751Z"), "hello world"),
                new LogLine(Instant.parse("2026-12-03T12:57:17Z"), "crlf")), lines);
    }
}
