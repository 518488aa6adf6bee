package dev.berth.cli.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configurations of task definitions only: the ecs provider registers them without Docker. */
final class TaskDefinitionConfigs {
    private TaskDefinitionConfigs() {
    }

    static String taskDefinition(String name, String family) {
        return """
                resource "ecs_task_definition" "%s" {
                  family                   = %s
                  cpu                      = 256
                  memory                   = 512
                  requires_compatibilities = ["FARGATE"]
                  container {
                    name   = "app"
                    image  = "berth-example/busybox:latest"
                    memory = 64
                  }
                }
                """.formatted(name, family);
    }

    /** base, and app whose family refers to base, plus an output and a variable. */
    static void writeTwo(Path dir) throws IOException {
        Files.writeString(dir.resolve("main.hcl"), """
                variable "prefix" {
                  type    = string
                  default = "td"
                }

                locals {
                  base_family = "${var.prefix}-base"
                }
                """ + taskDefinition("base", "local.base_family")
                + taskDefinition("app", "\"${var.prefix}-app-${ecs_task_definition.base.revision}\"") + """

                output "app_arn" {
                  value = ecs_task_definition.app.arn
                }
                """);
    }
}
