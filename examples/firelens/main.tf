# A web container, a sidecar that probes it, and a FireLens log router that both send their logs
# through, as ECS wires awsfirelens: the router starts first and the others wait for it.

locals {
  image = "berth-example/busybox:latest"
  # The log router's image: amazon/aws-for-fluent-bit:stable where a registry is reachable.
  router_image = "berth-example/busybox:latest"
}

resource "ecs_cluster" "main" {
  name = "berth-firelens"
}

resource "ecs_task_definition" "web" {
  family                   = "web-firelens"
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
      command           = ["mkdir -p /www && echo 'hello through firelens' > /www/index.html && exec httpd -f -v -p 8080 -h /www"]
      portMappings      = [{ containerPort = 8080, protocol = "tcp" }]
      dependsOn         = [{ containerName = "log_router", condition = "START" }]
      logConfiguration = {
        logDriver = "awsfirelens"
        options = {
          Name              = "cloudwatch"
          log_group_name    = "/berth/web"
          log_stream_prefix = "web-"
          auto_create_group = "true"
        }
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
