package dev.berth.ecs.taskdef;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.fake.MemoryStore;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.store.StoredJsonList;
import dev.berth.engine.memo.LastRead;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.berth.ecs.fake.Configs.taskDef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a refresh and a plan read about task definitions, read once more: described containers
 * are the stored text itself until looked at, and a JVM that plans again (a background berth)
 * takes the configuration texts it read before as they were. A JVM of its own keeps none for a
 * next plan.
 */
class ReadAgainTest {
    @AfterEach
    void ownJvm() {
        LastRead.keepAcrossReads(false);
    }

    /**
     * Json.write of a described revision's containers gives the stored text without reading it;
     * that must be the very text reading it and writing it again gives, for every task definition
     * of the public corpus that registers.
     */
    @Test
    void describedContainersWriteAsTheStoredTextWhichIsWhatReadingAndWritingThemGives() throws Exception {
        ControlPlane plane = new ControlPlane(new MemoryStore(), host -> new FakeRuntime());
        int checked = 0;
        for (CorpusFile f : CorpusFile.all()) {
            String arn;
            try {
                arn = plane.registerTaskDefinition(f.request()).taskDefinition().taskDefinitionArn();
            } catch (EcsException refused) {
                continue; // PublicTaskDefinitionsTest says which are refused and why
            }
            TaskDefinition td = plane.describeTaskDefinitions(List.of(arn)).get(0).taskDefinition();
            StoredJsonList stored = assertInstanceOf(StoredJsonList.class, td.containerDefinitions(), f.name());
            assertSame(stored.json(), Json.write(td.containerDefinitions()), f.name());
            List<Map<String, Object>> read = new ArrayList<>(td.containerDefinitions());
            assertEquals(Json.write(read), stored.json(), f.name());
            checked++;
        }
        assertTrue(checked >= 20, "registered " + checked);
    }

    @Test
    void aBackgroundBerthTakesAConfigurationTextItReadBeforeAndItsCanonicalFormAsTheyWere() {
        LastRead.keepAcrossReads(true);
        String json = "[{\"name\":\"app\",\"image\":\"busybox\",\"memory\":128,\"portMappings\":[{\"containerPort\":80}]}]";
        // Two plans evaluate jsonencode to equal texts, never the same string.
        ContainerSource first = ContainerSource.of(config(new String(json.toCharArray())));
        ContainerSource second = ContainerSource.of(config(new String(json.toCharArray())));
        assertSame(first, second);
        assertSame(first.canonical("awsvpc"), second.canonical("awsvpc"));
        assertTrue(first.canonical("awsvpc").contains("\"hostPort\":80"), first.canonical("awsvpc"));
        assertFalse(first.canonical("bridge").contains("hostPort"), first.canonical("bridge"));

        ContainerSource edited = ContainerSource.of(config(json.replace("busybox", "nginx")));
        assertNotSame(first, edited);
        assertTrue(edited.canonical("bridge").contains("nginx"));
    }

    @Test
    void aJvmOfItsOwnReadsEachConfigurationTextAgain() {
        String json = "[{\"name\":\"app\",\"image\":\"busybox\",\"memory\":128}]";
        assertNotSame(ContainerSource.of(config(new String(json.toCharArray()))),
                ContainerSource.of(config(new String(json.toCharArray()))));
    }

    private static MapValue config(String json) {
        return taskDef("container_definitions", Value.of(json));
    }
}
