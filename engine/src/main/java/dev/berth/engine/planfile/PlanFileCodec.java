package dev.berth.engine.planfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.checksum.ContentChecksum;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.value.NumberRangeException;
import dev.berth.engine.value.Value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.berth.engine.planfile.MarkedValueCodec.NODES;

/**
 * Writes and reads plan files. The file is one JSON document:
 * <pre>
 * { "format": "berth-plan", "format_version": 1, "berth_version": "0.1.0", "created": "2025-..Z",
 *   "mode": "NORMAL", "variables": {NAME: VALUE}, "prior_state": {...},
 *   "resource_changes": [...], "resource_drift": [...], "output_changes": [...],
 *   "configuration": {FILE NAME: FILE TEXT}, "checksum": "sha256:..." }
 * </pre>
 * JSON rather than a binary format so a user can see what a plan holds; the {@code format}
 * marker tells a berth plan from any other JSON, and {@code format_version} is raised whenever
 * an older berth could misread a newer file. The {@code checksum} ({@link ContentChecksum}) makes
 * a plan edited by hand a refusal rather than an apply of something nobody planned.
 */
public final class PlanFileCodec {
    public static final String FORMAT = "berth-plan";
    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder()
            .nodeFactory(NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private PlanFileCodec() {
    }

    public static String toJson(PlanFile f) {
        Plan p = f.plan();
        ObjectNode root = NODES.objectNode().put("format", FORMAT).put("format_version", FORMAT_VERSION)
                .put("berth_version", f.berthVersion()).put("created", f.created().toString())
                .put("mode", p.mode().name());
        ObjectNode vars = root.putObject("variables");
        p.variables().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> vars.set(e.getKey(), MarkedValueCodec.encode(e.getValue())));
        root.set("prior_state", PlanPartsCodec.state(p.priorState()));
        ArrayNode changes = root.putArray("resource_changes");
        p.resourceChanges().forEach(c -> changes.add(PlanPartsCodec.resourceChange(c)));
        ArrayNode drift = root.putArray("resource_drift");
        p.drift().forEach(c -> drift.add(PlanPartsCodec.resourceChange(c)));
        ArrayNode outputs = root.putArray("output_changes");
        p.outputChanges().forEach(c -> outputs.add(PlanPartsCodec.outputChange(c)));
        ArrayNode targets = root.putArray("targets");
        p.targets().forEach(targets::add);
        ObjectNode config = root.putObject("configuration");
        f.configFiles().forEach(config::put);
        ContentChecksum.seal(root);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a plan as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a plan file's text; {@code name} is how messages refer to the file. */
    public static PlanFile fromJson(String text, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException | NumberFormatException e) {
            // Jackson reads a decimal whose exponent overflows an int as a NumberFormatException.
            throw new PlanFileException.NotAPlan(name);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new PlanFileException.NotAPlan(name);
        }
        JsonNode version = root.get("format_version");
        if (version == null || !version.canConvertToLong() || !version.isIntegralNumber()) {
            throw new PlanFileException.Damaged("The plan file " + name + " has no valid format_version.");
        }
        if (version.longValue() > FORMAT_VERSION) {
            throw new PlanFileException.NewerFormat(name, version.longValue(), FORMAT_VERSION);
        }
        ContentChecksum.Verdict verdict = ContentChecksum.verify((ObjectNode) root);
        if (verdict != ContentChecksum.Verdict.INTACT) throw new PlanFileException.Edited(name, verdict);
        try {
            return decode(root);
        } catch (PlanFileException.Damaged e) {
            throw new PlanFileException.Damaged("The plan file " + name + " is damaged: " + e.getMessage() + ".");
        } catch (NumberRangeException e) {
            throw new PlanFileException.Damaged("The plan file " + name + " is damaged: it holds a number out of range.");
        }
    }

    private static PlanFile decode(JsonNode root) {
        Map<String, Value> vars = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = Fields.object(root, "variables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            vars.put(e.getKey(), MarkedValueCodec.decode(e.getValue()));
        }
        List<ResourceChange> changes = new ArrayList<>();
        for (JsonNode c : Fields.array(root, "resource_changes")) changes.add(PlanPartsCodec.resourceChange(c));
        List<ResourceChange> drift = new ArrayList<>();
        for (JsonNode c : Fields.array(root, "resource_drift")) drift.add(PlanPartsCodec.resourceChange(c));
        List<OutputChange> outputs = new ArrayList<>();
        for (JsonNode c : Fields.array(root, "output_changes")) outputs.add(PlanPartsCodec.outputChange(c));
        Map<String, String> files = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = Fields.object(root, "configuration").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) throw new PlanFileException.Damaged("configuration file " + e.getKey()
                    + " is not text");
            files.put(e.getKey(), e.getValue().textValue());
        }
        Instant created;
        try {
            created = Instant.parse(Fields.text(root, "created"));
        } catch (DateTimeParseException e) {
            throw new PlanFileException.Damaged("field \"created\" is not a timestamp");
        }
        List<String> targets = new ArrayList<>();
        if (root.has("targets")) Fields.array(root, "targets").forEach(t -> targets.add(t.asText()));
        Plan plan = new Plan(Fields.enumValue(root, "mode", Plan.Mode.class),
                PlanPartsCodec.state(Fields.object(root, "prior_state")), vars, changes, outputs, drift, targets);
        return new PlanFile(plan, files, created, Fields.text(root, "berth_version"));
    }

    /**
     * Writes the file readable and writable by its owner only (it holds sensitive values in
     * clear), through a temporary file in the same directory so a reader never sees half a plan.
     */
    public static void write(PlanFile f, Path path) {
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = null;
        try {
            tmp = posix
                    ? Files.createTempFile(dir, ".berth-plan", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".berth-plan", ".tmp");
            Files.writeString(tmp, toJson(f), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The write already failed; that is the error worth reporting.
                }
            }
            throw new PlanFileException.Io("Cannot write the plan file " + path + ": " + reason(e) + ".");
        }
    }

    public static PlanFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new PlanFileException.NotAPlan(path.toString());
        } catch (IOException e) {
            throw new PlanFileException.Io("Cannot read the plan file " + path + ": " + reason(e) + ".");
        }
        return fromJson(text, path.toString());
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
