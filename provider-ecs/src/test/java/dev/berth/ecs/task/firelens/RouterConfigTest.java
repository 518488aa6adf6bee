package dev.berth.ecs.task.firelens;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The router's configuration as ECS's agent generates it (its generator's Fluent Bit and Fluentd
 * templates, read in amazon-ecs-agent's vendored go-config-generator-for-fluentd-and-fluentbit).
 */
class RouterConfigTest {
    private static final String TASK = "arn:aws:ecs:local:000000000000:task/main/0f1e2d3c";

    private static RouterRequest request(String type, Map<String, String> routerOptions, String mode,
                                         Map<String, Map<String, String>> containers) {
        return new RouterRequest(type, routerOptions, mode, "main", TASK, "web:3", 50, containers);
    }

    @Test
    void fluentBitInAwsvpcHasBothInputsTheHealthCheckTheMetadataAndOneOutputPerContainer() {
        String text = RouterConfig.render(request("fluentbit", Map.of(), "awsvpc", Map.of(
                "web", Map.of("Name", "cloudwatch", "region", "us-east-1", "log_group_name", "/ecs/web"),
                "app", Map.of("Name", "stdout"))));
        assertEquals("""

                [INPUT]
                    Name forward
                    Mem_Buf_Limit 25MB
                    unix_path /var/run/fluent.sock

                [INPUT]
                    Name forward
                    Listen 127.0.0.1
                    Port 24224

                [INPUT]
                    Name tcp
                    Tag firelens-healthcheck
                    Listen 127.0.0.1
                    Port 8877

                [FILTER]
                    Name record_modifier
                    Match *
                    Record ecs_cluster main
                    Record ecs_task_arn arn:aws:ecs:local:000000000000:task/main/0f1e2d3c
                    Record ecs_task_definition web:3

                [OUTPUT]
                    Name null
                    Match firelens-healthcheck

                [OUTPUT]
                    Name stdout
                    Match app-firelens*

                [OUTPUT]
                    Name cloudwatch
                    Match web-firelens*
                    log_group_name /ecs/web
                    region us-east-1
                """, text);
    }

    @Test
    void fluentdUsesItsOwnSyntaxAUnixSourceAndNoHealthCheck() {
        String text = RouterConfig.render(request("fluentd", Map.of("enable-ecs-log-metadata", "true"), "bridge",
                Map.of("app", Map.of("@type", "stdout", "include-pattern", "ERROR"))));
        assertEquals("""

                <source>
                    @type unix
                    path /var/run/fluent.sock
                </source>

                <source>
                    @type forward
                    bind 0.0.0.0
                    port 24224
                </source>

                <filter app-firelens**>
                    @type  grep
                    <regexp>
                        key log
                        pattern ERROR
                    </regexp>
                </filter>

                <filter **>
                    @type record_transformer
                    <record>
                        ecs_cluster main
                        ecs_task_arn arn:aws:ecs:local:000000000000:task/main/0f1e2d3c
                        ecs_task_definition web:3
                    </record>
                </filter>

                <match app-firelens**>
                    @type stdout
                </match>
                """, text);
        assertEquals("/fluentd/etc/fluent.conf", RouterConfig.path("fluentd"));
        assertEquals("/fluent-bit/etc/fluent-bit.conf", RouterConfig.path("fluentbit"));
    }

    @Test
    void metadataIsLeftOutWhenTheRouterSaysSoAndAFileIsIncludedAfterTheFilters() {
        String text = RouterConfig.render(request("fluentbit", Map.of("enable-ecs-log-metadata", "false",
                "config-file-type", "file", "config-file-value", "/extra.conf"), "host",
                Map.of("app", Map.of("exclude-pattern", "^DEBUG"))));
        assertFalse(text.contains("record_modifier"), text);
        assertFalse(text.contains("24224"), "no TCP input outside bridge and awsvpc: " + text);
        assertTrue(text.contains("\n[FILTER]\n    Name   grep\n    Match app-firelens*\n    Exclude log ^DEBUG\n"), text);
        assertTrue(text.endsWith("    Exclude log ^DEBUG\n@INCLUDE /extra.conf\n"),
                "the include comes after the filters; an app without Name has no output: " + text);
    }

    @Test
    void theInputBufferIsHalfTheRoutersMemory() {
        RouterRequest r = new RouterRequest("fluentbit", Map.of(), "awsvpc", "c", TASK, "f:1", 256, Map.of());
        assertTrue(RouterConfig.render(r).contains("Mem_Buf_Limit 128MB"));
        RouterRequest none = new RouterRequest("fluentbit", Map.of(), "awsvpc", "c", TASK, "f:1", null, Map.of());
        assertTrue(RouterConfig.render(none).contains("Mem_Buf_Limit 25MB"));
    }
}
