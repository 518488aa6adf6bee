package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reviewer reads the quickstart's typical changes (create, scale, a new image) in under 20
 * lines per changed resource, in the human plan and in {@code -markdown}: what the service
 * observes at run time (tasks, events, endpoints, counts) is one line, and an output that will
 * not change is not shown as known after apply. The lines inside the task definition's container
 * JSON are the reviewer's own configuration (on a create) or change (an image), so they are
 * checked apart rather than counted. Apply then does what the folded line said.
 */
class ReviewablePlansIT extends WebExampleFixture {
    private static final int MOST = 20;
    private static final Pattern HEADING = Pattern.compile("^  # (\\S+) (?:will|must) ", Pattern.MULTILINE);

    @Test
    void createScaleAndImageChangeReadInUnderTwentyLinesPerResource() throws Exception {
        CliRun create = berth("plan", "-no-color");
        assertEquals(0, create.exitCode(), create::toString);
        Map<String, Integer> created = blockLines(create.out(), true);
        assertEquals(3, created.size(), create::toString);
        created.forEach((addr, n) -> assertTrue(n < MOST, addr + " takes " + n + " lines:\n" + create.out()));
        assertTrue(create.out().contains("# 2 tasks will start"), create::toString);

        CliRun apply = berth("apply", "-auto-approve", "-no-color");
        assertEquals(0, apply.exitCode(), apply::toString);
        String url = CliRun.of("-chdir=" + dir, "output", "-raw", "url").out().trim();

        CliRun scale = berth("plan", "-no-color", "-var", "desired_count=4");
        assertEquals(0, scale.exitCode(), scale::toString);
        Map<String, Integer> scaled = blockLines(scale.out(), false);
        assertEquals(Map.of("ecs_service.web", scaled.get("ecs_service.web")), scaled, scale::toString);
        assertTrue(scaled.get("ecs_service.web") < MOST, scale::toString);
        assertTrue(scale.out().contains("~ desired_count") && scale.out().contains("= 2 -> 4"), scale::toString);
        assertTrue(scale.out().contains("# 2 tasks will start"), scale::toString);
        for (String noise : new String[]{"running_count", "tasks", "events", "endpoints", "stopped_tasks"}) {
            assertFalse(Pattern.compile("(?m)^\\s+[~+-]?\\s*" + noise + "\\s+=").matcher(plan(scale.out())).find(),
                    noise + " is runtime detail:\n" + scale.out());
        }
        assertFalse(scale.out().contains("url"), "url keeps its value, so it is no change:\n" + scale.out());
        CliRun markdown = berth("plan", "-markdown", "-var", "desired_count=4");
        assertTrue(markdown.out().contains("# 2 tasks will start") && !markdown.out().contains("last_status"),
                markdown::toString);
        // The cost table that ends the comment is the same few rows whatever the change; count the changes.
        String changes = markdown.out().split("\n### Cost\n", 2)[0];
        assertTrue(changes.lines().count() < 30, markdown::toString);

        // What the folded line promised is what apply does: two new tasks, the first one kept.
        CliRun scaleApply = berth("apply", "-auto-approve", "-no-color", "-var", "desired_count=4");
        assertEquals(0, scaleApply.exitCode(), scaleApply::toString);
        assertEquals(4, running("web").size());
        assertEquals(url, CliRun.of("-chdir=" + dir, "output", "-raw", "url").out().trim());
        assertEquals(0, berth("plan", "-detailed-exitcode", "-var", "desired_count=4").exitCode());

        Path main = dir.resolve("main.hcl");
        Files.writeString(main, Files.readString(main).replace("berth-example/busybox:latest", "berth-example/busybox:v2"));
        CliRun image = berth("plan", "-no-color", "-var", "desired_count=4");
        assertEquals(0, image.exitCode(), image::toString);
        Map<String, Integer> changed = blockLines(image.out(), true);
        assertEquals(2, changed.size(), image::toString);
        changed.forEach((addr, n) -> assertTrue(n < MOST, addr + " takes " + n + " lines:\n" + image.out()));
        // Inside the container JSON only the changed images show (each with its container's name).
        assertEquals(2, Pattern.compile("(?m)^\\s+~ image\\s+= ").matcher(image.out()).results().count(), image::toString);
        assertEquals(2, Pattern.compile("(?m)^\\s+# \\(\\d+ unchanged attributes hidden\\)\\n\\s+},").matcher(image.out())
                .results().count(), image::toString);
        assertTrue(image.out().contains("# 4 tasks will be replaced"), image::toString);
    }

    /** The resource changes, without the outputs. */
    private static String plan(String out) {
        return out.contains("Plan:") ? out.substring(0, out.indexOf("Plan:")) : out;
    }

    /**
     * Lines of each resource block, from its "# ADDR will ..." comment to the line before the
     * blank line that ends it; {@code skipJson}: leave out the lines inside a jsonencode(...).
     */
    static Map<String, Integer> blockLines(String plan, boolean skipJson) {
        Map<String, Integer> out = new LinkedHashMap<>();
        String section = plan.contains("Plan:") ? plan.substring(0, plan.indexOf("Plan:")) : plan;
        Matcher m = HEADING.matcher(section);
        while (m.find()) {
            int end = section.indexOf("\n\n", m.start());
            String block = section.substring(m.start(), end < 0 ? section.length() : end);
            int lines = 0;
            boolean inJson = false;
            for (String line : block.split("\n")) {
                if (inJson && line.trim().equals(")")) inJson = false;
                else if (!inJson) lines++;
                if (skipJson && line.endsWith("= jsonencode(")) inJson = true;
            }
            out.put(m.group(1), lines);
        }
        return out;
    }
}
