package dev.berth.engine.planfile;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanFileCodecTest {
    @TempDir
    Path dir;

    private static ResourceInstanceAddr addr(String type, String name, InstanceKey key) {
        return new ResourceAddr(type, name).instance(key);
    }

    private static MapValue obj(Object... kv) {
        Map<String, Value> m = new java.util.TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Value) kv[i + 1]);
        return new MapValue(m);
    }

    /** Every marking in every position a plan can hold one, and values that look like the codec's tags. */
    static PlanFile sample() {
        Value secret = Value.sensitive(Value.of("s3cret"));
        MapValue before = obj("id", Value.of("svc-1"), "token", secret, "count", Value.of(2),
                "ratio", Value.of(new BigDecimal("1.50")), "big", Value.of(new BigDecimal("123456789012345678901234567890")),
                "tags", obj("list", Value.of("x"), "unknown", Value.of(true), "sensitive", Value.nil()),
                "empty_list", Value.list(List.of()), "empty_map", MapValue.EMPTY);
        MapValue after = obj("id", Value.of("svc-1"), "token", secret, "count", Value.of(3),
                "tasks", Value.unknown(),
                "ports", Value.list(List.of(Value.of(80), Value.unknown(), Value.sensitive(Value.of(443)))),
                "nested", Value.sensitive(obj("inner", Value.unknown(), "deep", Value.sensitive(Value.of("d")))),
                "whole_secret_list", Value.sensitive(Value.list(List.of(Value.of("a")))));
        ResourceChange update = new ResourceChange(addr("ecs_service", "web", InstanceKey.NONE), "berth.dev/builtin/ecs",
                Action.UPDATE, before, after, List.of(), ActionReason.NONE);
        ResourceChange replace = new ResourceChange(addr("ecs_task_definition", "w", InstanceKey.of(0)),
                "berth.dev/builtin/ecs", Action.DELETE_THEN_CREATE, obj("family", Value.of("a")),
                obj("family", Value.of("b"), "arn", Value.unknown()),
                List.of(List.of("family"), List.of("container", 0, "name")), ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE);
        ResourceChange create = new ResourceChange(addr("ecs_cluster", "c", InstanceKey.of("we\"ird [key].x")),
                "berth.dev/builtin/ecs", Action.CREATE, null, obj("name", Value.of("c")), List.of(), ActionReason.NONE);
        ResourceChange delete = new ResourceChange(addr("ecs_cluster", "old", InstanceKey.NONE), "berth.dev/builtin/ecs",
                Action.DELETE, obj("name", Value.of("old")), null, List.of(), ActionReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG,
                addr("ecs_cluster", "older", InstanceKey.of(1)));
        ResourceChange drifted = new ResourceChange(addr("ecs_service", "web", InstanceKey.NONE), "berth.dev/builtin/ecs",
                Action.UPDATE, obj("running_count", Value.of(2)), obj("running_count", Value.of(1)), List.of(),
                ActionReason.NONE);
        List<OutputChange> outputs = List.of(
                new OutputChange("gone", Action.DELETE, Value.of("x"), null, false),
                new OutputChange("new", Action.CREATE, null, Value.unknown(), false),
                new OutputChange("nulled", Action.UPDATE, Value.of("v"), Value.nil(), false),
                new OutputChange("pw", Action.UPDATE, Value.sensitive(Value.of("a")), Value.sensitive(Value.of("b")), true));
        ResourceState rs = new ResourceState(addr("ecs_service", "web", InstanceKey.NONE), "berth.dev/builtin/ecs", 3,
                before, List.of("ecs_cluster.c", "ecs_task_definition.w"), true);
        StateSnapshot prior = new StateSnapshot("lineage-1", 7, Map.of(rs.addr(), rs),
                Map.of("pw", new OutputState("pw", Value.sensitive(Value.of("a")), true),
                        "gone", new OutputState("gone", Value.of("x"), false)));
        Map<String, Value> vars = Map.of("token", secret, "count", Value.of(3), "nothing", Value.nil(),
                "list", Value.list(List.of(Value.of("a"), Value.sensitive(Value.of("b")))));
        Plan plan = new Plan(Plan.Mode.NORMAL, prior, vars, List.of(create, delete, update, replace), outputs,
                List.of(drifted), List.of("ecs_cluster.c", "ecs_service.web[\"a\"]"));
        return new PlanFile(plan, Map.of("main.hcl", "resource \"x\" \"y\" {\n  a = \"ü ${1}\"\n}\n", "b.tf", ""),
                Instant.parse("2025-03-04T05:06:07.891Z"), "0.1.0");
    }

    @Test
    void roundTripKeepsEveryValueAndMarkingExactly() {
        PlanFile original = sample();
        PlanFile back = PlanFileCodec.fromJson(PlanFileCodec.toJson(original), "p");
        assertEquals(original, back);
        ResourceChange update = back.plan().resourceChanges().get(2);
        // Equality alone would hide a codec that folds markings into a different but equal shape.
        assertInstanceOf(SensitiveValue.class, update.after().get("nested"));
        MapValue nested = (MapValue) ((SensitiveValue) update.after().get("nested")).inner();
        assertInstanceOf(SensitiveValue.class, nested.get("deep"));
        assertEquals(Value.unknown(), nested.get("inner"));
        assertEquals("1.5", update.before().get("ratio").toString());
        assertEquals(InstanceKey.of("we\"ird [key].x"), back.plan().resourceChanges().get(0).addr().key());
        assertEquals(List.of(List.of("family"), List.of("container", 0, "name")),
                back.plan().resourceChanges().get(3).replacePaths());
        OutputChange created = back.plan().outputChanges().get(1);
        assertEquals(null, created.before());
        assertEquals(Value.nil(), back.plan().outputChanges().get(2).after());
        assertEquals(addr("ecs_cluster", "older", InstanceKey.of(1)), back.plan().resourceChanges().get(1).previousAddr());
        assertEquals(List.of("ecs_cluster.c", "ecs_service.web[\"a\"]"), back.plan().targets());
    }

    @Test
    void dataResourcesRoundTripApartFromManagedOnesOfTheSameTypeAndName() {
        ResourceInstanceAddr data = ResourceAddr.data("ecs_cluster", "c").instance(InstanceKey.of(1));
        ResourceChange read = new ResourceChange(data, "berth.dev/builtin/ecs", Action.READ, null,
                obj("name", Value.of("c"), "arn", Value.unknown()), List.of(), ActionReason.READ_BECAUSE_CONFIG_UNKNOWN);
        ResourceChange create = new ResourceChange(addr("ecs_cluster", "c", InstanceKey.of(1)), "berth.dev/builtin/ecs",
                Action.CREATE, null, obj("name", Value.of("c")), List.of(), ActionReason.NONE);
        ResourceState readNow = new ResourceState(ResourceAddr.data("ecs_cluster", "d").instance(InstanceKey.NONE),
                "berth.dev/builtin/ecs", 0, obj("name", Value.of("d")), List.of(), false);
        Plan plan = new Plan(Plan.Mode.NORMAL, new StateSnapshot("l", 1, Map.of(readNow.addr(), readNow), Map.of()),
                Map.of(), List.of(read, create), List.of(), List.of());
        PlanFile f = new PlanFile(plan, Map.of("a.hcl", "x"), Instant.EPOCH, "9");

        PlanFile back = PlanFileCodec.fromJson(PlanFileCodec.toJson(f), "p");

        assertEquals(f, back);
        assertTrue(back.plan().resourceChanges().get(0).addr().isData());
        assertFalse(back.plan().resourceChanges().get(1).addr().isData());
        assertTrue(back.plan().priorState().resources().keySet().iterator().next().isData());
    }

    @Test
    void everyPlanModeRoundTrips() {
        for (Plan.Mode mode : Plan.Mode.values()) {
            Plan p = sample().plan();
            PlanFile f = new PlanFile(new Plan(mode, p.priorState(), p.variables(), p.resourceChanges(),
                    p.outputChanges(), p.drift()), Map.of("a.hcl", "x"), Instant.EPOCH, "9");
            assertEquals(f, PlanFileCodec.fromJson(PlanFileCodec.toJson(f), "p"));
        }
    }

    @Test
    void fileIsWrittenForItsOwnerOnlyAndReadBack() throws Exception {
        Path p = dir.resolve("p");
        Files.writeString(p, "old, readable by all");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        PlanFileCodec.write(sample(), p);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        assertEquals(sample(), PlanFileCodec.read(p));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(p), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void textThatIsNotABerthPlanIsRefusedInOneSentence() throws Exception {
        for (String garbage : List.of("", "not json", "{\"format_version\": 1}", "[1,2]", "42",
                "{\"format\": \"terraform-plan\", \"format_version\": 1}", "{\"format\": \"berth-plan\"} trailing")) {
            PlanFileException e = assertThrows(PlanFileException.NotAPlan.class, () -> PlanFileCodec.fromJson(garbage, "p"));
            assertEquals("The file p is not a berth plan file.", e.getMessage());
        }
        Path binary = dir.resolve("bin");
        Files.write(binary, new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3});
        assertThrows(PlanFileException.NotAPlan.class, () -> PlanFileCodec.read(binary));
    }

    @Test
    void newerFormatIsRefusedNamingBothVersions() {
        String json = PlanFileCodec.toJson(sample()).replace("\"format_version\" : 1,", "\"format_version\" : 2,");
        assertTrue(json.contains("\"format_version\" : 2,"), "the fixture really changed the version");
        PlanFileException e = assertThrows(PlanFileException.NewerFormat.class, () -> PlanFileCodec.fromJson(json, "p"));
        assertTrue(e.getMessage().startsWith("The plan file p has format version 2, but this berth reads only version 1"),
                e.getMessage());
        assertOneSentence(e.getMessage());
    }

    /** A plan changed after it was written, with its checksum made to match again: what the decoder alone sees. */
    static String resealed(String json) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
            return mapper.writeValueAsString(dev.berth.engine.checksum.ContentChecksum.seal(root));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void planEditedByOneByteIsRefusedNamingTheFile() throws Exception {
        Path p = dir.resolve("edited.plan");
        PlanFileCodec.write(sample(), p);
        String json = Files.readString(p);
        int at = json.indexOf("\"count\" : 3") + "\"count\" : ".length();
        assertTrue(at > 20, "the fixture holds the value it edits");
        Files.writeString(p, json.substring(0, at) + "4" + json.substring(at + 1));
        PlanFileException e = assertThrows(PlanFileException.Edited.class, () -> PlanFileCodec.read(p));
        assertEquals("The plan file " + p + " was changed after berth wrote it (its checksum does not match its "
                + "content); make a new plan.", e.getMessage());
        assertOneSentence(e.getMessage());
    }

    @Test
    void planWithoutChecksumIsRefused() {
        String json = PlanFileCodec.toJson(sample()).replaceAll(",\\s*\"checksum\" : \"sha256:[0-9a-f]+\"", "");
        assertFalse(json.contains("checksum"), "the fixture really dropped the checksum");
        PlanFileException e = assertThrows(PlanFileException.Edited.class, () -> PlanFileCodec.fromJson(json, "p"));
        assertEquals("The plan file p has no checksum, so berth cannot tell whether it was edited; make a new plan.",
                e.getMessage());
    }

    @Test
    void reindentingIsNotAnEdit() {
        String compact = resealed(PlanFileCodec.toJson(sample())).replace("\n", "");
        String reindented = PlanFileCodec.toJson(sample()).replace("\n  ", "\n\t\t");
        assertEquals(sample(), PlanFileCodec.fromJson(reindented, "p"));
        assertEquals(sample(), PlanFileCodec.fromJson(compact, "p"));
    }

    @Test
    void damagedPlanIsRefusedSayingWhatIsWrong() {
        String json = resealed(PlanFileCodec.toJson(sample()).replace("\"lineage\" : \"lineage-1\"", "\"lineage\" : 5"));
        PlanFileException e = assertThrows(PlanFileException.Damaged.class, () -> PlanFileCodec.fromJson(json, "p"));
        assertEquals("The plan file p is damaged: field \"lineage\" is missing or is not a string.", e.getMessage());
        String badTag = resealed(PlanFileCodec.toJson(sample()).replace("{\n      \"unknown\" : true\n    }", "{\"bogus\": 1}"));
        assertFalse(badTag.contains("\"unknown\" : true\n    }"), "the fixture really changed a value");
        assertThrows(PlanFileException.Damaged.class, () -> PlanFileCodec.fromJson(badTag, "p"));
    }

    @Test
    void numberJacksonCannotWritePlainIsCheckedAndSealed() {
        // 1e67890 reads as a decimal of scale -67890, which the checksum's plain writing refuses
        // (a fuzzing finding: an internal error before, in checking and in sealing alike).
        String huge = PlanFileCodec.toJson(sample()).replace("\"count\" : 3", "\"count\" : 1e67890");
        assertTrue(huge.contains("1e67890"), "the fixture holds the number");
        assertThrows(PlanFileException.Edited.class, () -> PlanFileCodec.fromJson(huge, "p"));
        PlanFile read = PlanFileCodec.fromJson(resealed(huge), "p");
        assertEquals(read, PlanFileCodec.fromJson(PlanFileCodec.toJson(read), "p"));
    }

    @Test
    void missingFileIsOneSentence() {
        PlanFileException e = assertThrows(PlanFileException.Io.class, () -> PlanFileCodec.read(dir.resolve("nope")));
        assertTrue(e.getMessage().endsWith(": no such file or directory."), e.getMessage());
        assertOneSentence(e.getMessage());
    }

    @Test
    void sensitiveValuesAreStoredBecauseApplyNeedsThem() {
        String json = PlanFileCodec.toJson(sample());
        assertTrue(json.contains("\"sensitive\" : \"s3cret\""), "stored, marked, for apply");
        assertTrue(new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("\"format\" : \"berth-plan\""));
    }

    private static void assertOneSentence(String message) {
        assertFalse(message.contains("\n"), message);
        assertTrue(message.endsWith("."), message);
    }
}
