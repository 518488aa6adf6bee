variable "memory" {
  type    = number
  default = 64
}

resource "ecs_cluster" "main" {
  name = "main"
}

resource "ecs_task_definition" "app" {
  family                   = "app"
  cpu                      = 256
  memory                   = 512
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  container_definitions = jsonencode([{
    name    = "app"
    image   = "berth-example/busybox:latest"
    cpu     = 16
    memory  = var.memory
    command = ["sleep", "3600"]
  }])
}

resource "ecs_task_definition" "edge" {
  family                   = "edge"
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([{
    name         = "edge"
    image        = "berth-example/busybox:latest"
    cpu          = 16
    memory       = 32
    command      = ["sleep", "3600"]
    portMappings = [{ containerPort = 80, hostPort = 0 }]
  }])
}

resource "ecs_container_instance" "one" {
  cluster = ecs_cluster.main.id
  cpu     = 1024
  memory  = 2048
  attributes = {
    "ecs.availability-zone" = "zone-a"
  }
}

resource "ecs_service" "app" {
  name            = "app"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.app.arn
  desired_count   = 2
  launch_type     = "FARGATE"
}

resource "ecs_service" "edge" {
  name            = "edge"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.edge.arn
  desired_count   = 1
  launch_type     = "EC2"
  depends_on      = [ecs_container_instance.one]
}
