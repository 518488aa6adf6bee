package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ecs.api.EcsJson;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.taskdef.fields.ContainerFields;
import dev.berth.ecs.taskdef.fields.Field;
import dev.berth.ecs.taskdef.fields.TaskFields;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One task definition of the public corpus ({@code src/test/resources/taskdefs/public}) as the
 * AWS CLI's {@code --cli-input-json} would carry it to RegisterTaskDefinition, and what the
 * field table says berth must refuse in it.
 *
 * <p>A file is either a RegisterTaskDefinition input, a DescribeTaskDefinition output (its
 * {@code taskDefinition} object, as people save {@code aws ecs describe-task-definition}), or a
 * bare {@code containerDefinitions} array (Terraform's {@code container_definitions}), which gets
 * the task arguments of the Terraform resource it came from. Keys only DescribeTaskDefinition
 * returns are dropped, as {@code aws-actions/amazon-ecs-deploy-task-definition} drops them before
 * it registers a console export.
 */
record CorpusFile(String name, ObjectNode input, RegisterTaskDefinitionRequest request) {

    static final Path DIR = Path.of("src/test/resources/taskdefs/public");

    /** What DescribeTaskDefinition returns but RegisterTaskDefinition does not take. */
    static final Set<String> DESCRIBE_ONLY = Set.of("taskDefinitionArn", "revision", "status", "requiresAttributes",
            "compatibilities", "registeredAt", "registeredBy", "deregisteredAt", "deleteRequestedAt");

    /** RegisterTaskDefinition's own keys besides the task-level table's. */
    static final Set<String> REGISTER_KEYS = Set.of("family", "taskRoleArn", "executionRoleArn", "networkMode",
            "containerDefinitions", "requiresCompatibilities", "cpu", "memory", "tags");

    /**
     * The task arguments of the Terraform resources whose files are only the containers (see
     * PROVENANCE.md): the family, and the size and mode where the containers need them.
     */
    static final Map<String, String> TERRAFORM_TASK = Map.of(
            "30-terraform-docs-service-json.json", "{\"family\":\"service\"}",
            "31-terraform-docs-inference-heredoc.json", "{\"family\":\"test\"}",
            "32-terraform-wikieng-links.json", "{\"family\":\"example\",\"networkMode\":\"bridge\"}",
            "40-terraform-pagopa-cms-template.json", "{\"family\":\"website-cms-task-def\",\"networkMode\":\"awsvpc\","
                    + "\"requiresCompatibilities\":[\"FARGATE\"],\"cpu\":\"4096\",\"memory\":\"16384\"}");

    /**
     * Files ECS itself would refuse as the AWS CLI sends them, and the sentences berth refuses
     * them with. ecspresso's template writes {@code ""} for pidMode and ipcMode; ecspresso's Go
     * SDK leaves an empty enum out, but the AWS CLI sends it, and neither is a value ECS takes.
     */
    static final Map<String, List<String>> ECS_REFUSES = Map.of(
            "38-ecspresso-ecs-task-def.json", List.of("pidMode must be host or task, not \"\".",
                    "ipcMode must be host, task or none, not \"\"."));

    /** An IAM role ARN (12-digit account) or a role's short name, which is what ECS takes. */
    private static final java.util.regex.Pattern ROLE = java.util.regex.Pattern.compile(
            "arn:aws[a-z-]*:iam::\\d{12}:role/[\\x21-\\x7E]+|[\\w+=,.@-]{1,64}");

    /**
     * What ECS itself refuses this file with as the AWS CLI sends it: its {@link #ECS_REFUSES}, and
     * "Role is not valid" where a role is still a placeholder ({@code $$$TASK_ROLE$$$}, an
     * {@code XXXXXXXXXXXX} account, a template expression) rather than a role.
     */
    List<String> ecsRefusals() {
        List<String> out = new ArrayList<>(ECS_REFUSES.getOrDefault(name, List.of()));
        for (String role : java.util.Arrays.asList(request.taskRoleArn(), request.executionRoleArn())) {
            if (role != null && !role.isEmpty() && !ROLE.matcher(role).matches()) {
                out.add("Role is not valid");
                break;
            }
        }
        return out;
    }

    static List<CorpusFile> all() throws IOException {
        List<CorpusFile> out = new ArrayList<>();
        try (var files = Files.list(DIR)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) out.add(read(p));
        }
        return out;
    }

    static CorpusFile read(Path file) throws IOException {
        String name = file.getFileName().toString();
        JsonNode root = Json.MAPPER.readTree(Files.readString(file));
        ObjectNode input;
        if (root.isArray()) {
            String task = TERRAFORM_TASK.get(name);
            if (task == null) throw new IllegalStateException(name + " is a containers array without task arguments");
            input = (ObjectNode) Json.MAPPER.readTree(task);
            input.set("containerDefinitions", root);
        } else {
            input = (ObjectNode) (root.has("taskDefinition") ? root.get("taskDefinition") : root).deepCopy();
        }
        input.remove(DESCRIBE_ONLY);
        return new CorpusFile(name, input, EcsJson.read(Json.write(input), RegisterTaskDefinitionRequest.class));
    }

    /** The sentences berth's field table says a registration of this file must be refused with. */
    Set<String> expectedRefusals() {
        return refusals().keySet();
    }

    /** The fields the table does not honour here: container fields by ECS's path, task fields as "task ...". */
    Set<String> blockingFields() {
        return new TreeSet<>(refusals().values());
    }

    /** Each refusal sentence and the path of the field it names. */
    private Map<String, String> refusals() {
        Map<String, String> out = new LinkedHashMap<>();
        walk(input, TaskFields.ALL, "Task definition", "task ", out);
        JsonNode containers = input.get("containerDefinitions");
        for (int i = 0; containers != null && i < containers.size(); i++) {
            walk(containers.get(i), ContainerFields.ALL, label(containers.get(i), i), "", out);
        }
        return out;
    }

    /** Keys ECS does not know, which berth warns about and ignores. */
    List<String> unknownKeys() {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = input.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!REGISTER_KEYS.contains(k) && Field.find(TaskFields.ALL, k) == null) out.add(k);
        }
        JsonNode containers = input.get("containerDefinitions");
        for (int i = 0; containers != null && i < containers.size(); i++) {
            for (Iterator<String> it = containers.get(i).fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (ContainerFields.field(k) == null) out.add(label(containers.get(i), i) + " " + k);
            }
        }
        return out;
    }

    // The same reading as FieldReader's, written apart so that the test does not take the
    // product's word for it: null and empty values are absent, and only a present field berth
    // does not honour is refused, each object's fields named after their owner.
    private static void walk(JsonNode node, List<Field> fields, String owner, String path, Map<String, String> out) {
        if (node == null || !node.isObject()) return;
        for (Field f : fields) {
            JsonNode v = node.get(f.json());
            if (v == null || v.isNull()) continue;
            boolean present = switch (f.kind()) {
                case STRING, INTEGER, BOOLEAN -> v.isValueNode();
                case STRINGS, INTEGERS, NAME_VALUES -> v.isArray() && anyNonNull(v.elements());
                case STRING_MAP -> v.isObject() && anyNonNull(v.elements());
                case OBJECT -> {
                    walk(v, f.children(), owner + " " + f.json(), path + f.json() + ".", out);
                    yield v.isObject() && hasChild(v, f.children());
                }
                case OBJECTS -> {
                    boolean any = false;
                    for (JsonNode item : v) {
                        if (item.isNull()) continue;
                        any = true;
                        walk(item, f.children(), owner + " " + f.json(), path + f.json() + ".", out);
                    }
                    yield any;
                }
            };
            String refusal = present ? f.support().refusal(owner, f.json()) : null;
            if (refusal != null) out.put(refusal, path + f.json());
        }
    }

    private static boolean hasChild(JsonNode object, List<Field> children) {
        for (Field c : children) {
            JsonNode v = object.get(c.json());
            if (v == null || v.isNull()) continue;
            if (v.isValueNode()) return true;
            if (c.kind() == dev.berth.ecs.taskdef.fields.Kind.OBJECT ? hasChild(v, c.children()) : anyNonNull(v.elements())) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyNonNull(Iterator<JsonNode> items) {
        while (items.hasNext()) if (!items.next().isNull()) return true;
        return false;
    }

    private static String label(JsonNode node, int i) {
        JsonNode name = node.isObject() ? node.get("name") : null;
        return name != null && name.isTextual() && !name.asText().isEmpty()
                ? "Container \"" + name.asText() + "\"" : "Container definition " + (i + 1);
    }
}
