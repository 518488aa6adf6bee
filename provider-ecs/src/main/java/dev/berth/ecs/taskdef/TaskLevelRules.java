package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.scheduler.Constraint;
import dev.berth.ecs.scheduler.query.QueryException;

import java.util.ArrayList;
import java.util.List;

/**
 * ECS's registration rules for the task-level fields of {@code TaskFields}, over their canonical
 * JSON, so RegisterTaskDefinition and {@code ecs_task_definition} refuse the same things. Each
 * problem names the field (camelCase, as ECS does) it is about.
 */
public final class TaskLevelRules {
    public record Problem(String field, String message) {
    }

    private TaskLevelRules() {
    }

    /** {@code fargate}: the revision requires FARGATE compatibility. */
    public static List<Problem> check(JsonNode fields, boolean fargate) {
        List<Problem> out = new ArrayList<>();
        String pid = text(fields, "pidMode");
        if (pid != null && !pid.equals("host") && !pid.equals("task")) {
            out.add(new Problem("pidMode", "pidMode must be host or task, not \"" + pid + "\"."));
        } else if (fargate && "host".equals(pid)) {
            out.add(new Problem("pidMode", "pidMode host is not supported for tasks on Fargate; use task."));
        }
        String ipc = text(fields, "ipcMode");
        if (ipc != null && !List.of("host", "task", "none").contains(ipc)) {
            out.add(new Problem("ipcMode", "ipcMode must be host, task or none, not \"" + ipc + "\"."));
        } else if (fargate && ipc != null) {
            out.add(new Problem("ipcMode", "ipcMode is not supported for tasks on Fargate."));
        }
        JsonNode storage = fields.path("ephemeralStorage").path("sizeInGiB");
        if (!storage.isMissingNode() && (storage.intValue() < 21 || storage.intValue() > 200)) {
            out.add(new Problem("ephemeralStorage", "ephemeralStorage sizeInGiB must be between 21 and 200, not "
                    + storage.intValue() + "."));
        }
        JsonNode platform = fields.path("runtimePlatform");
        String os = text(platform, "operatingSystemFamily"), arch = text(platform, "cpuArchitecture");
        if (os != null && !os.equals("LINUX")) {
            out.add(new Problem("runtimePlatform", "runtimePlatform operatingSystemFamily " + os
                    + " is not available: berth's Docker engines run Linux containers; use LINUX."));
        }
        if (arch != null && !arch.equals("X86_64") && !arch.equals("ARM64")) {
            out.add(new Problem("runtimePlatform", "runtimePlatform cpuArchitecture must be X86_64 or ARM64, not \""
                    + arch + "\"."));
        }
        if (fields.path("enableFaultInjection").asBoolean(false)) {
            out.add(new Problem("enableFaultInjection", "enableFaultInjection needs AWS Fault Injection Service's "
                    + "endpoints inside the task, which berth does not serve; leave it false."));
        }
        constraints(fields.path("placementConstraints"), fargate, out);
        return out;
    }

    private static void constraints(JsonNode given, boolean fargate, List<Problem> out) {
        if (given.isMissingNode() || given.isEmpty()) return;
        if (fargate) {
            out.add(new Problem("placementConstraints", "Task definition placement constraints are not supported "
                    + "for tasks on Fargate."));
        }
        if (given.size() > 10) {
            out.add(new Problem("placementConstraints", "A task definition takes at most 10 placement constraints."));
        }
        for (JsonNode c : given) {
            String type = text(c, "type");
            if (!"memberOf".equals(type)) {
                out.add(new Problem("placementConstraints", "A task definition's placement constraints must be of type "
                        + "memberOf, not \"" + type + "\"."));
                continue;
            }
            try {
                Constraint.memberOf(text(c, "expression") == null ? "" : text(c, "expression"));
            } catch (QueryException e) {
                out.add(new Problem("placementConstraints", "Invalid placement constraint expression: " + e.getMessage()));
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v.asText();
    }
}
