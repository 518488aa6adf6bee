# Two containers of one bridge-mode task: the client reaches the api by the name its link gives
# it (http://backend:8080), as on ECS; the api publishes a dynamic host port on 127.0.0.1.

locals {
  image = "berth-example/busybox:latest"
}

resource "ecs_cluster" "main" {
  name = "berth-links"
}

resource "ecs_container_instance" "local" {
  cluster = ecs_cluster.main.id
}

resource "ecs_task_definition" "pair" {
  family                   = "pair"
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]

  container_definitions = jsonencode([
    {
      name         = "api"
      image        = local.image
      cpu          = 128
      memory       = 64
      essential    = true
      entryPoint   = ["/bin/sh", "-c"]
      command      = ["mkdir -p /www && echo 'hello from the api' > /www/index.html && exec httpd -f -p 8080 -h /www"]
      portMappings = [{ containerPort = 8080, hostPort = 0, protocol = "tcp" }]
    },
    {
      name       = "client"
      image      = local.image
      cpu        = 64
      memory     = 32
      essential  = true
      links      = ["api:backend"]
      entryPoint = ["/bin/sh", "-c"]
      command    = ["while true; do wget -qO- http://backend:8080/; sleep 5; done"]
    },
  ])
}

resource "ecs_service" "pair" {
  name            = "pair"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.pair.arn
  desired_count   = 1
  launch_type     = "EC2"
}

output "endpoints" {
  value = ecs_service.pair.endpoints
}
