package dev.berth.engine.plan;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.memo.LastRead;
import dev.berth.engine.testkit.ResidentJvm;
import dev.berth.engine.testkit.TestEngine;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A background berth takes the last plan's no-op for an instance again when all it followed from
 * is the same, without evaluating, validating or asking the provider; anything that could make
 * the plan differ has the instance planned afresh, and then the plan shows what changed.
 */
@ExtendWith(ResidentJvm.class)
class UnchangedInstancesTest {
    private static final String CONFIG = """
            variable "size" {
              default = 2
            }

            resource "fake_thing" "a" {
              name = "a"
              size = var.size
            }

            resource "fake_thing" "b" {
              name = "b"
              size = fake_thing.a.size
            }
            """;

    @TempDir
    Path dir;
    TestEngine engine;

    @BeforeEach
    void newEngine() {
        engine = new TestEngine(dir);
        engine.provider.planFromRequestAlone(true);
    }


    /** Reads the configuration (and its variables' defaults) as a new command would. */
    private void configure(String hcl) {
        engine.configure(hcl);
        engine.vars(Map.of());
    }

    private void converge(String hcl) {
        configure(hcl);
        engine.applyOk(engine.plan());
    }

    /** Plans again as a new command would, after reading the configuration again. */
    private Plan planAgain(String hcl) {
        configure(hcl);
        engine.provider.clearPlanned();
        return engine.plan();
    }

    private static Map<String, Action> actions(Plan plan) {
        Map<String, Action> out = new java.util.TreeMap<>();
        plan.resourceChanges().forEach(c -> out.put(c.addr().toString(), c.action()));
        return out;
    }

    @Test
    void anUnchangedInstanceIsTakenAgainWithoutAskingTheProvider() {
        converge(CONFIG);
        Plan first = planAgain(CONFIG);
        assertEquals(List.of("fake_thing.a", "fake_thing.b"), engine.provider.planned().stream().sorted().toList());
        Plan second = planAgain(CONFIG);
        assertEquals(List.of(), engine.provider.planned());
        assertEquals(first.resourceChanges(), second.resourceChanges());
        assertEquals(Map.of("fake_thing.a", Action.NO_OP, "fake_thing.b", Action.NO_OP), actions(second));
    }

    @Test
    void aChangedVariableIsPlannedAfreshAndSoIsWhatRefersToTheChangedObject() {
        converge(CONFIG);
        planAgain(CONFIG);
        engine.configure(CONFIG);
        engine.vars(Map.of("size", "3"));
        engine.provider.clearPlanned();
        Plan plan = engine.plan();
        assertEquals(Map.of("fake_thing.a", Action.UPDATE, "fake_thing.b", Action.UPDATE), actions(plan));
        assertEquals(Value.of(3), TestEngine.change(plan, "fake_thing.b").after().get("size"));
        assertEquals(List.of("fake_thing.a", "fake_thing.b"), engine.provider.planned());
    }

    @Test
    void anEditedBlockIsPlannedAfreshAndTheBlocksOfOtherFilesAreTakenAgain() throws Exception {
        String a = CONFIG.substring(0, CONFIG.indexOf("resource \"fake_thing\" \"b\""));
        String b = CONFIG.substring(a.length());
        Files.writeString(dir.resolve("b.hcl"), b);
        converge(a);
        planAgain(a);
        // A file's text is parsed again whole when it changes, so its other blocks are new objects;
        // the blocks of the files left alone are the very same.
        Files.writeString(dir.resolve("b.hcl"), b.replace("name = \"b\"", "name = \"b\"\n  note = \"new\""));
        Plan plan = planAgain(a);
        assertEquals(Map.of("fake_thing.a", Action.NO_OP, "fake_thing.b", Action.UPDATE), actions(plan));
        assertEquals(List.of("fake_thing.b"), engine.provider.planned());
    }

    @Test
    void anObjectChangedOutsideBerthIsPlannedAfresh() {
        converge(CONFIG);
        planAgain(CONFIG);
        engine.provider.readOverride("fake_thing.a", "size", Value.of(7));
        Plan plan = planAgain(CONFIG);
        assertEquals(Action.UPDATE, TestEngine.change(plan, "fake_thing.a").action());
        assertEquals(Value.of(7), TestEngine.change(plan, "fake_thing.a").before().get("size"));
        assertEquals(Value.of(2), TestEngine.change(plan, "fake_thing.a").after().get("size"));
        assertEquals(List.of("fake_thing.a"), engine.provider.planned());
    }

    @Test
    void aBlockCallingAFunctionThatReadsFilesIsPlannedEveryTime() throws Exception {
        String hcl = CONFIG.replace("name = \"a\"", "name = \"a\"\n  note = fileexists(\"flag\") ? \"on\" : \"off\"");
        converge(hcl);
        planAgain(hcl);
        Plan same = planAgain(hcl);
        assertEquals(Action.NO_OP, TestEngine.change(same, "fake_thing.a").action());
        assertEquals(List.of("fake_thing.a"), engine.provider.planned());

        Files.writeString(dir.resolve("flag"), "");
        Plan flipped = planAgain(hcl);
        assertEquals(Action.UPDATE, TestEngine.change(flipped, "fake_thing.a").action());
        assertEquals(Value.of("on"), TestEngine.change(flipped, "fake_thing.a").after().get("note"));
    }

    @Test
    void aProviderThatDoesNotSayItsAnswerFollowsFromTheRequestIsAskedEveryTime() {
        engine.provider.planFromRequestAlone(false);
        converge(CONFIG);
        planAgain(CONFIG);
        planAgain(CONFIG);
        assertEquals(List.of("fake_thing.a", "fake_thing.b"), engine.provider.planned());
    }

    @Test
    void anInstanceAskedToBeReplacedIsPlannedAfresh() {
        converge(CONFIG);
        planAgain(CONFIG);
        engine.provider.clearPlanned();
        ResourceInstanceAddr a = ResourceInstanceAddr.parse("fake_thing.a").orElseThrow();
        Planner.Result r = engine.plan(new Planner.Options(Plan.Mode.NORMAL, true, 4, List.of(), Set.of(a)));
        assertFalse(r.hasErrors(), r.diagnostics().toString());
        assertEquals(Action.DELETE_THEN_CREATE, TestEngine.change(r.plan(), "fake_thing.a").action());
    }

    @Test
    void aJvmOfItsOwnKeepsNothing() {
        LastRead.keepAcrossReads(false);
        converge(CONFIG);
        planAgain(CONFIG);
        planAgain(CONFIG);
        assertEquals(List.of("fake_thing.a", "fake_thing.b"), engine.provider.planned());
    }
}
