package dev.berth.ecs.taskdef;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** berth's table of log drivers and their options against what Docker 20.10 accepted (scripts/docker-log-options.sh). */
class LogDriversTest {
    private static Map<String, Set<String>> measured() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (InputStream in = LogDriversTest.class.getResourceAsStream("/docker-log-options.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] p = line.split(" ");
                Set<String> accepted = out.computeIfAbsent(p[0], k -> new TreeSet<>());
                if (p[2].equals("yes")) accepted.add(p[1]);
            }
        }
        return out;
    }

    @Test
    void dockerDriversAcceptExactlyTheOptionsDockerAcceptsAtCreate() throws IOException {
        Map<String, Set<String>> measured = measured();
        for (String driver : List.of("json-file", "local", "syslog", "journald", "gelf", "fluentd", "none")) {
            Set<String> expected = new TreeSet<>(measured.get(driver));
            assertEquals(expected, LogDrivers.options(driver), driver);
        }
    }

    @Test
    void keptDriversAcceptDockersOptionsAndAwslogsAlsoEcsStreamPrefix() throws IOException {
        Map<String, Set<String>> measured = measured();
        Set<String> awslogs = new TreeSet<>(measured.get("awslogs"));
        awslogs.add("awslogs-stream-prefix");
        assertEquals(awslogs, LogDrivers.options("awslogs"));
        assertEquals(measured.get("splunk"), LogDrivers.options("splunk"));
    }

    @Test
    void unsupportedDriverIsAnErrorNamingEverySupportedOne() {
        List<String> problems = LogConfigurationCheck.problems("web",
                new LogConfiguration("logentries", Map.of(), List.of()));
        assertEquals(List.of("Container \"web\": log driver \"logentries\" is not supported; berth supports awsfirelens, "
                + "awslogs, fluentd, gelf, journald, json-file, local, none, splunk, syslog."), problems);
    }

    @Test
    void misspeltOptionIsNamedWithWhatTheDriverAccepts() {
        List<String> problems = LogConfigurationCheck.problems("web",
                new LogConfiguration("json-file", Map.of("max-sizes", "10m", "max-file", "3"), List.of()));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("Container \"web\": log option \"max-sizes\" is not known to the json-file"
                + " log driver (it accepts compress, env, env-regex, labels, labels-regex, max-buffer-size, max-file,"
                + " max-size, mode, tag)."), problems.get(0));
    }

    @Test
    void noneTakesNoOptionsAndAwslogsNeedsItsGroup() {
        assertEquals(List.of("Container \"a\": log option \"mode\" is not known to the none log driver, which takes no options."),
                LogConfigurationCheck.problems("a", new LogConfiguration("none", Map.of("mode", "blocking"), List.of())));
        assertEquals(List.of("Container \"a\": the awslogs log driver requires the option \"awslogs-group\"."),
                LogConfigurationCheck.problems("a", new LogConfiguration("awslogs",
                        Map.of("awslogs-region", "us-east-1", "awslogs-stream-prefix", "web"), List.of())));
    }

    @Test
    void aTypicalAwslogsConfigurationIsFine() {
        assertEquals(List.of(), LogConfigurationCheck.problems("web", new LogConfiguration("awslogs",
                Map.of("awslogs-group", "/ecs/web", "awslogs-region", "us-east-1", "awslogs-stream-prefix", "ecs",
                        "awslogs-create-group", "true"), List.of())));
    }

    @Test
    void awsfirelensOptionsBelongToTheRoutersOutputPluginSoAnyNamePasses() {
        assertEquals(List.of(), LogConfigurationCheck.problems("app", new LogConfiguration("awsfirelens",
                Map.of("Name", "cloudwatch", "log_group_name", "/ecs/app", "auto_create_group", "true"), List.of())));
    }
}
