package dev.berth.ecs.taskdef;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.fake.MemoryStore;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.store.StoredJsonList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a refresh reads about task definitions, read once more: described containers are the
 * stored text itself until looked at.
 */
class ReadAgainTest {
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
}
