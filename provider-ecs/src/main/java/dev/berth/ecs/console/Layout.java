package dev.berth.ecs.console;

import dev.berth.ecs.api.InstanceCalls.ContainerInstance;
import dev.berth.ecs.api.Shapes.Attribute;
import dev.berth.ecs.api.Shapes.Resource;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.console.WorldPicture.Box;
import dev.berth.ecs.console.WorldPicture.Capacity;
import dev.berth.ecs.console.WorldPicture.Lane;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each task is drawn (pure): an EC2 task in the box of the instance it runs on, a FARGATE
 * task in its zone's FARGATE box; boxes in the lane of their zone, lanes by zone name with the
 * boxes of no zone last. Stopped tasks are in no box.
 */
final class Layout {
    static final String ZONE = "ecs.availability-zone";
    private static final String NO_ZONE = "\uffff";

    private Layout() {
    }

    static List<Lane> lanes(List<ContainerInstance> instances, List<Task> tasks) {
        Map<String, List<String>> onInstance = new LinkedHashMap<>();
        Map<String, List<String>> fargate = new TreeMap<>();
        List<Task> live = tasks.stream().filter(t -> !"STOPPED".equals(t.lastStatus()))
                .sorted(Comparator.comparing((Task t) -> t.startOrder() == null ? Long.MAX_VALUE : t.startOrder())).toList();
        for (Task t : live) {
            if (t.containerInstanceArn() != null) {
                onInstance.computeIfAbsent(t.containerInstanceArn(), k -> new ArrayList<>()).add(t.taskArn());
            } else {
                fargate.computeIfAbsent(key(t.availabilityZone()), k -> new ArrayList<>()).add(t.taskArn());
            }
        }
        Map<String, List<Box>> byZone = new TreeMap<>();
        List<ContainerInstance> sorted = new ArrayList<>(instances);
        sorted.sort(Comparator.comparing(Layout::label));
        for (ContainerInstance i : sorted) {
            byZone.computeIfAbsent(key(attribute(i, ZONE)), k -> new ArrayList<>()).add(new Box(label(i), i,
                    capacity(i, "CPU"), capacity(i, "MEMORY"),
                    List.copyOf(onInstance.getOrDefault(i.containerInstanceArn(), List.of()))));
        }
        fargate.forEach((zone, arns) -> byZone.computeIfAbsent(zone, k -> new ArrayList<>())
                .add(new Box("FARGATE", null, null, null, List.copyOf(arns))));
        List<Lane> out = new ArrayList<>();
        byZone.forEach((zone, boxes) -> out.add(new Lane(NO_ZONE.equals(zone) ? null : zone, List.copyOf(boxes))));
        return out;
    }

    /** The instance's EC2 id when it has one, else the id at the end of its ARN. */
    static String label(ContainerInstance i) {
        if (i.ec2InstanceId() != null && !i.ec2InstanceId().isEmpty()) return i.ec2InstanceId();
        String arn = i.containerInstanceArn();
        return arn == null ? "?" : arn.substring(arn.lastIndexOf('/') + 1);
    }

    static String attribute(ContainerInstance i, String name) {
        if (i.attributes() == null) return null;
        for (Attribute a : i.attributes()) if (name.equals(a.name())) return a.value();
        return null;
    }

    /** Reserved = registered - remaining, as ECS reports both. */
    static Capacity capacity(ContainerInstance i, String name) {
        int total = amount(i.registeredResources(), name);
        int remaining = i.remainingResources() == null ? total : amount(i.remainingResources(), name);
        return new Capacity(Math.max(0, total - remaining), total);
    }

    private static int amount(List<Resource> resources, String name) {
        if (resources == null) return 0;
        for (Resource r : resources) {
            if (name.equals(r.name()) && r.integerValue() != null) return r.integerValue();
        }
        return 0;
    }

    private static String key(String zone) {
        return zone == null || zone.isEmpty() ? NO_ZONE : zone;
    }
}
