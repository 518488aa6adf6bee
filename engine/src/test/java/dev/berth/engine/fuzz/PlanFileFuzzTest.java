package dev.berth.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.checksum.ContentChecksum;
import dev.berth.engine.planfile.PlanFileCodec;
import dev.berth.engine.planfile.PlanFileException;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;

import static dev.berth.engine.fuzz.HostileInput.SECONDS_PER_INPUT;
import static dev.berth.engine.fuzz.HostileInput.requireReadable;
import static dev.berth.engine.fuzz.HostileInput.text;

/**
 * Hostile plan files through {@code apply FILE}'s reader. Each input is read twice: as it is
 * (the checksum must turn away anything berth did not write), and with its checksum made to
 * match (as a careful editor would), so the decoder behind the checksum is fuzzed too.
 */
class PlanFileFuzzTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @FuzzTest(maxDuration = "20s")
    @Timeout(value = SECONDS_PER_INPUT, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void read(byte[] input) {
        String text = text(input);
        readOrRefuse(text);
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (tree instanceof ObjectNode root) readOrRefuse(ContentChecksum.seal(root).toString());
    }

    private static void readOrRefuse(String text) {
        try {
            PlanFileCodec.fromJson(text, "fuzz.plan");
        } catch (PlanFileException e) {
            requireReadable(e.getMessage(), "reading a plan file");
            if (!e.getMessage().contains("fuzz.plan")) throw new AssertionError("the refusal does not name the file: "
                    + e.getMessage());
        }
    }
}
