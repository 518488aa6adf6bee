package dev.berth.ecs.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.ecs.runtime.TaskMetadata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** berth's metadata documents against the response examples of ECS's developer guide. */
class MetadataDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASK = "arn:aws:ecs:local:000000000000:task/main/0123456789abcdef0123456789abcdef";
    /** Fields ECS documents for the v4 answers that its EC2 example happens not to show. */
    private static final Set<String> DOCUMENTED_NOT_IN_EXAMPLE = Set.of("ServiceName", "Limits", "ExitCode", "FinishedAt");
    /** Fields of ECS's answers berth cannot know: it pulls no images and has no VPC subnets. */
    private static final Set<String> NOT_KNOWN_TO_BERTH = Set.of("PullStartedAt", "PullStoppedAt",
            "IPv4SubnetCIDRBlock", "PrivateDNSName", "SubnetGatewayIpv4Address");

    private static ContainerFacts web(String status) {
        return new ContainerFacts("web", "d0c4e7", "berth-0123456789ab-web", "berth-example/busybox:latest",
                "sha256:abc", Map.of("dev.berth.container-name", "web"), status, null, 256, 128,
                "2026-12-03T10:00:00.1Z", "RUNNING".equals(status) ? "2026-12-03T10:00:00.5Z" : null, null,
                "json-file", Map.of("max-size", "10m"), "awsvpc", List.of("192.168.1.2"), "02:42:c0:a8:01:02");
    }

    private static TaskMetadata metadata() {
        return new TaskMetadata("arn:aws:ecs:local:000000000000:cluster/main", "web", 3, 512, 1024, "FARGATE",
                "zone-a", "arn:aws:iam::000000000000:role/web", "api");
    }

    @Test
    void containerDocumentHasTheShapeOfEcsExample() throws IOException {
        JsonNode ours = MetadataDocuments.container(TASK, web("RUNNING"));
        assertSameShape(fixture("ecs-v4-container.json"), ours, "$");
        assertCovers(fixture("ecs-v4-container.json"), ours, "$");
        assertEquals(256, ours.get("Limits").get("CPU").asInt());
        assertEquals(128, ours.get("Limits").get("Memory").asInt());
        assertEquals("NORMAL", ours.get("Type").asText());
        assertTrue(ours.get("ContainerARN").asText().matches(
                "arn:aws:ecs:local:000000000000:container/main/0123456789abcdef0123456789abcdef/[0-9a-f-]{36}"),
                ours.get("ContainerARN").asText());
        assertEquals(ours.get("ContainerARN"), MetadataDocuments.container(TASK, web("RUNNING")).get("ContainerARN"),
                "a container's ARN is the same in every answer");
    }

    @Test
    void taskDocumentHasTheShapeOfEcsExampleAndTheTaskLimitsInVcpus() throws IOException {
        JsonNode ours = MetadataDocuments.task(TASK, metadata(), "RUNNING", List.of(web("RUNNING")));
        assertSameShape(fixture("ecs-v4-task.json"), ours, "$");
        assertCovers(fixture("ecs-v4-task.json"), ours, "$");
        assertEquals(TASK, ours.get("TaskARN").asText());
        assertEquals("3", ours.get("Revision").asText());
        assertTrue(ours.get("Revision").isTextual(), "ECS writes the revision as a string");
        assertEquals(0.5, ours.get("Limits").get("CPU").asDouble());
        assertEquals(1024, ours.get("Limits").get("Memory").asInt());
        assertEquals("api", ours.get("ServiceName").asText());
        assertEquals("zone-a", ours.get("AvailabilityZone").asText());
    }

    @Test
    void unknownFieldsAreLeftOutAsEcsLeavesThemOut() {
        TaskMetadata bare = new TaskMetadata("c", "f", 1, null, null, null, null, null, null);
        JsonNode task = MetadataDocuments.task(TASK, bare, "PENDING", List.of(web("PENDING")));
        assertNull(task.get("Limits"));
        assertNull(task.get("ServiceName"));
        assertNull(task.get("AvailabilityZone"));
        assertNull(task.get("Containers").get(0).get("StartedAt"), "not started yet");
        assertNull(task.get("Containers").get(0).get("ExitCode"));
    }

    @Test
    void taskStatusRollsUpFromItsContainers() {
        assertEquals("RUNNING", MetadataDocuments.taskStatus(List.of(web("RUNNING"), web("RUNNING"))));
        assertEquals("PENDING", MetadataDocuments.taskStatus(List.of(web("RUNNING"), web("PENDING"))));
        assertEquals("STOPPED", MetadataDocuments.taskStatus(List.of(web("RUNNING"), web("STOPPED"))));
        assertEquals("RUNNING", MetadataDocuments.containerStatus("running"));
        assertEquals("PENDING", MetadataDocuments.containerStatus("created"));
        assertEquals("STOPPED", MetadataDocuments.containerStatus("exited"));
    }

    @Test
    void credentialsHaveEcsShapeAndAreObviouslyLocal() throws IOException {
        Instant now = Instant.parse("2026-12-03T10:00:00.123Z");
        TaskCredentials c = TaskCredentials.issue("arn:aws:iam::000000000000:role/app/web", "000000000000", now);
        JsonNode doc = c.document();
        assertEquals(fieldNames(fixture("ecs-credentials.json")), fieldNames(doc));
        assertTrue(doc.get("AccessKeyId").asText().matches("BERTHLOCAL[0-9A-F]{10}"), doc.toString());
        assertEquals("2026-12-03T16:00:00Z", doc.get("Expiration").asText());
        assertEquals("arn:aws:iam::000000000000:role/app/web", doc.get("RoleArn").asText());
        assertTrue(c.relativeUri().matches("/v2/credentials/[0-9a-f-]{36}"), c.relativeUri());
        TaskCredentials other = TaskCredentials.issue("web", "000000000000", now);
        assertEquals("arn:aws:iam::000000000000:role/web", other.roleArn(), "a short role name is named in full");
        assertNotEquals(c.relativeUri(), other.relativeUri());
        assertNotEquals(c.secretAccessKey(), other.secretAccessKey());
        assertFalse(c.secretAccessKey().isBlank());
    }

    /** Every field berth writes is one ECS documents, with the JSON type of ECS's example. */
    private static void assertSameShape(JsonNode ecs, JsonNode ours, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = ours.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String at = path + "." + f.getKey();
            JsonNode theirs = ecs.get(f.getKey());
            if (theirs == null) {
                assertTrue(DOCUMENTED_NOT_IN_EXAMPLE.contains(f.getKey()), at + " is not a field of ECS's answer");
                continue;
            }
            assertEquals(kind(theirs), kind(f.getValue()), at + " has another JSON type than ECS's");
            if (theirs.isObject() && !f.getKey().equals("Labels") && !f.getKey().equals("LogOptions")) {
                assertSameShape(theirs, f.getValue(), at);
            } else if (theirs.isArray() && theirs.size() > 0 && f.getValue().size() > 0 && theirs.get(0).isObject()) {
                // ECS's task example lists its pause container first; compare with a NORMAL one.
                JsonNode sample = theirs.get(theirs.size() - 1);
                for (JsonNode element : f.getValue()) assertSameShape(sample, element, at + "[]");
            }
        }
    }

    /** Every field of ECS's example is in berth's answer too, but for what berth cannot know. */
    private static void assertCovers(JsonNode ecs, JsonNode ours, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = ecs.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (NOT_KNOWN_TO_BERTH.contains(f.getKey())) continue;
            String at = path + "." + f.getKey();
            JsonNode mine = ours.get(f.getKey());
            assertTrue(mine != null, at + " is missing from berth's answer");
            if (f.getValue().isArray() && f.getValue().size() > 0 && f.getValue().get(0).isObject()) {
                assertCovers(f.getValue().get(f.getValue().size() - 1), mine.get(0), at + "[]");
            } else if (f.getValue().isObject() && !f.getKey().equals("Labels") && !f.getKey().equals("LogOptions")) {
                assertCovers(f.getValue(), mine, at);
            }
        }
    }

    private static String kind(JsonNode n) {
        return n.isNumber() ? "number" : n.getNodeType().name();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = MetadataDocumentsTest.class.getResourceAsStream("/fixtures/metadata/" + name)) {
            return JSON.readTree(in);
        }
    }
}
