package dev.berth.engine.hcl.conformance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs HashiCorp's parser (via the hcl2json node script) over files. The package is found through
 * the system property hcl.oracle.modules, else in .hcl-oracle/node_modules at the repository root
 * (scripts/test.sh installs it there). Missing node or package fails the test in CI and skips it
 * elsewhere, so a developer without node can still run the suite.
 */
final class Oracle {
    static final String SCRIPT = "src/test/resources/hcl-oracle/hcl2json.mjs";
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(HclJson.F);

    /** What HashiCorp's parser said about one file: the JSON, or the error it reported. */
    record Verdict(JsonNode json, String error) {
        boolean accepted() {
            return error == null;
        }
    }

    private Oracle() {
    }

    static Map<Path, Verdict> run(List<Path> files) throws IOException, InterruptedException {
        Path modules = locate().orElseGet(() -> unavailable("no @cdktf/hcl2json under .hcl-oracle/node_modules "
                + "(run scripts/test.sh, or npm install --prefix .hcl-oracle @cdktf/hcl2json@0.21.0)"));
        List<String> cmd = new ArrayList<>(List.of("node", SCRIPT, modules.toString()));
        for (Path f : files) cmd.add(f.toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        } catch (IOException e) {
            return unavailable("node is not installed: " + e.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        if (p.exitValue() == 2) return unavailable(err);
        if (p.exitValue() != 0) fail("hcl2json script failed: " + err);
        JsonNode all = JSON.readTree(out);
        Map<Path, Verdict> verdicts = new HashMap<>();
        for (Path f : files) {
            JsonNode r = all.get(f.toString());
            verdicts.put(f, r.has("error") ? new Verdict(null, r.get("error").asText()) : new Verdict(r.get("json"), null));
        }
        return verdicts;
    }

    private static Optional<Path> locate() {
        String prop = System.getProperty("hcl.oracle.modules");
        if (prop != null) return Optional.of(Path.of(prop));
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path m = dir.resolve(".hcl-oracle/node_modules");
            if (Files.isDirectory(m.resolve("@cdktf/hcl2json"))) return Optional.of(m);
        }
        return Optional.empty();
    }

    private static <T> T unavailable(String why) {
        if ("true".equals(System.getenv("CI"))) fail("HCL oracle unavailable in CI: " + why);
        assumeTrue(false, "HCL oracle unavailable, skipping: " + why);
        throw new AssertionError("unreachable");
    }
}
