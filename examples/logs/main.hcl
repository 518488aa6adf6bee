# Container logs as ECS task definitions write them: a worker whose output goes to "awslogs",
# which berth keeps in its own log store (read it with `berth logs worker`), and a sidecar on
# Docker's json-file driver with rotation. The task definition is ECS's JSON, as exported.

variable "cluster_name" {
  type        = string
  default     = "berth-logs-example"
  description = "Name of the ECS cluster."
}

resource "ecs_cluster" "main" {
  name = var.cluster_name
}

resource "ecs_task_definition" "worker" {
  family                   = "worker"
  cpu                      = 256
  memory                   = 512
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]

  container_definitions = jsonencode([
    {
      name       = "worker"
      image      = "berth-example/busybox:latest"
      memory     = 128
      essential  = true
      entryPoint = ["/bin/sh", "-c"]
      command    = ["i=0; while true; do echo \"job $i done\"; i=$((i+1)); sleep 5; done"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/worker"
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "ecs"
          "awslogs-create-group"  = "true"
        }
      }
    },
    {
      name       = "heartbeat"
      image      = "berth-example/busybox:latest"
      memory     = 32
      essential  = false
      entryPoint = ["/bin/sh", "-c"]
      command    = ["while true; do date; sleep 30; done"]
      logConfiguration = {
        logDriver = "json-file"
        options   = { "max-size" = "1m", "max-file" = "2" }
      }
    },
  ])
}

resource "ecs_service" "worker" {
  name            = "worker"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.worker.arn
  desired_count   = 1
}
