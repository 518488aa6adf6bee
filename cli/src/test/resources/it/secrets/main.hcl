# Containers whose secrets come from berth's secret store, named every way ECS allows: the plain
# NAME in a container block, a Secrets Manager ARN (with AWS's random suffix) and an SSM
# parameter ARN in container_definitions JSON. SecretsIT puts the secret with `berth secret put`
# and checks the value reaches the containers and nothing else.

variable "cluster_name" {
  type = string
}

locals {
  image = "berth-example/busybox:latest"
}

resource "ecs_cluster" "main" {
  name = var.cluster_name
}

resource "ecs_task_definition" "blocks" {
  family                   = "${var.cluster_name}-blocks"
  cpu                      = 256
  memory                   = 512
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]

  container {
    name        = "app"
    image       = local.image
    memory      = 64
    command     = ["sleep", "3600"]
    environment = { MODE = "test" }

    secrets {
      name       = "DB_PASSWORD"
      value_from = "DB_PASSWORD"
    }
    secrets {
      name       = "FROM_ASM"
      value_from = "arn:aws:secretsmanager:us-east-1:123456789012:secret:DB_PASSWORD-AbCdEf"
    }
  }
}

resource "ecs_task_definition" "json" {
  family                   = "${var.cluster_name}-json"
  cpu                      = 256
  memory                   = 512
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  container_definitions = jsonencode([{
    name      = "app"
    image     = local.image
    memory    = 64
    essential = true
    command   = ["sleep", "3600"]
    secrets = [
      { name = "FROM_SSM", valueFrom = "arn:aws:ssm:us-east-1:123456789012:parameter/DB_PASSWORD" },
    ]
  }])
}

resource "ecs_service" "blocks" {
  name            = "blocks"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.blocks.arn
  desired_count   = 1
  launch_type     = "FARGATE"
}

resource "ecs_service" "json" {
  name            = "json"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.json.arn
  desired_count   = 1
  launch_type     = "FARGATE"
}
