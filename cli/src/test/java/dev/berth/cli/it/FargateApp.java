package dev.berth.cli.it;

/**
 * The configuration most real-engine tests apply: a cluster, one FARGATE task definition "app"
 * (256 CPU units, 512 MiB) whose one container "app" runs its command through {@code /bin/sh -c},
 * and services of it. Each test says only what it varies.
 */
final class FargateApp {
    static final String IMAGE = "berth-example/busybox:latest";

    private FargateApp() {
    }

    /** The cluster named {@code cluster} and the task definition {@code <cluster>-app}. */
    static String clusterAndApp(String cluster, String image, int memory, String command) {
        return clusterAndApp(cluster, image, memory, command, "", "");
    }

    /**
     * As above, with {@code containerExtra} written inside the container block and
     * {@code definitionExtra} inside the task definition's, after the container.
     */
    static String clusterAndApp(String cluster, String image, int memory, String command, String containerExtra,
                                String definitionExtra) {
        return """
                resource "ecs_cluster" "main" {
                  name = "%s"
                }

                resource "ecs_task_definition" "app" {
                  family                   = "%s-app"
                  cpu                      = 256
                  memory                   = 512
                  requires_compatibilities = ["FARGATE"]
                  container {
                    name        = "app"
                    image       = "%s"
                    memory      = %d
                    entry_point = ["/bin/sh", "-c"]
                    command     = ["%s"]
                    %s
                  }
                  %s
                }
                """.formatted(cluster, cluster, image, memory, command, containerExtra, definitionExtra);
    }

    /** A service of the task definition, after {@code dependsOn} (a service resource name) unless null. */
    static String service(String name, int desiredCount, String dependsOn) {
        return """

                resource "ecs_service" "%s" {
                  name            = "%s"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = %d%s
                }
                """.formatted(name, name, desiredCount,
                dependsOn == null ? "" : "\n  depends_on      = [ecs_service." + dependsOn + "]");
    }
}
