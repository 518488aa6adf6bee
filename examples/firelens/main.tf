# A web container, a sidecar that probes it, and a FireLens log router that both send their logs
# through, as ECS wires awsfirelens: berth writes the router's Fluent Bit configuration (one
# [OUTPUT] per container, from its awsfirelens options), the router starts first, and the others'
# output reaches it through Docker's fluentd driver. The router's own output goes to awslogs:
#   bin/berth -chdir=examples/firelens logs web-firelens --container log_router

variable "cluster_name" {
  type    = string
  default = "berth-firelens"
}

locals {
  image = "berth-example/busybox:latest"
  # berth's stand-in for Fluent Bit (examples/image/build-firelens-router.sh): it honours the
  # stdout, file and null outputs and names any other once. amazon/aws-for-fluent-bit:stable
  # where a registry is reachable.
  router_image = "berth/firelens-router:latest"
}

resource "ecs_cluster" "main" {
  name = var.cluster_name
}

resource "ecs_task_definition" "web" {
  family                   = "${var.cluster_name}-web"
  cpu                      = 512
  memory                   = 1024
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]

  container_definitions = jsonencode([
    {
      name              = "log_router"
      image             = local.router_image
      essential         = true
      memoryReservation = 50
      firelensConfiguration = {
        type    = "fluentbit"
        options = { "enable-ecs-log-metadata" = "true" }
      }
      # The router's own logs are not routed through itself.
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "firelens-container"
          "awslogs-create-group"  = "true"
          "awslogs-stream-prefix" = "firelens"
        }
      }
    },
    {
      name              = "web"
      image             = local.image
      essential         = true
      memoryReservation = 128
      entryPoint        = ["/bin/sh", "-c"]
      command           = ["mkdir -p /www && echo 'hello through firelens' > /www/index.html && echo 'web is serving on 8080' && exec httpd -f -v -p 8080 -h /www"]
      portMappings      = [{ containerPort = 8080, protocol = "tcp" }]
      # No dependsOn on the router: ECS adds START on it for every awsfirelens container.
      logConfiguration = {
        logDriver = "awsfirelens"
        # Fluent Bit's stdout output: the router prints each record, which awslogs keeps.
        options = { Name = "stdout" }
      }
    },
    {
      name              = "probe"
      image             = local.image
      essential         = false
      memoryReservation = 32
      entryPoint        = ["/bin/sh", "-c"]
      command           = ["while true; do wget -qO- http://127.0.0.1:8080/ && echo; sleep 5; done"]
      dependsOn         = [{ containerName = "web", condition = "START" }]
      logConfiguration = {
        logDriver = "awsfirelens"
        options = {
          Name              = "cloudwatch"
          log_group_name    = "/berth/web"
          log_stream_prefix = "probe-"
        }
      }
    },
  ])
}

resource "ecs_service" "web" {
  name            = "web-firelens"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.web.arn
  desired_count   = 1
  launch_type     = "FARGATE"
}

output "endpoints" {
  value = ecs_service.web.endpoints
}
