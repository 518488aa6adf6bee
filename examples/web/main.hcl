# A small web service on the local Docker engine: one cluster, one task definition with a web
# container and a sidecar that shares its network namespace, and a service running two tasks.

variable "desired_count" {
  type        = number
  default     = 2
  description = "How many copies of the web task to run."
}

variable "cluster_name" {
  type        = string
  default     = "berth-example"
  description = "Name of the ECS cluster (and of its Docker network, berth-NAME)."
}

locals {
  image = "berth-example/busybox:latest"
}

resource "ecs_cluster" "main" {
  name = var.cluster_name
  tags = {
    project = "berth"
  }
}

resource "ecs_task_definition" "web" {
  family                   = "web"
  cpu                      = 256
  memory                   = 512
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]

  container_definitions = jsonencode([
    {
      name              = "web"
      image             = local.image
      cpu               = 128
      memory            = 256
      memoryReservation = 64
      essential         = true
      entryPoint        = ["/bin/sh", "-c"]
      command           = ["mkdir -p /www && echo 'hello from berth' > /www/index.html && exec httpd -f -p 8080 -h /www"]
      portMappings      = [{ containerPort = 8080 }]
      environment       = [{ name = "GREETING", value = "hello" }]
    },
    {
      name       = "probe"
      image      = local.image
      cpu        = 64
      memory     = 64
      essential  = false
      entryPoint = ["/bin/sh", "-c"]
      # The sidecar shares the task's network namespace, so the web container is on localhost.
      command = ["while true; do wget -qO- http://127.0.0.1:8080/ >/dev/null && echo ok; sleep 5; done"]
    },
  ])
}

resource "ecs_service" "web" {
  name            = "web"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.web.arn
  desired_count   = var.desired_count
  launch_type     = "FARGATE"
}

output "url" {
  value       = "http://${ecs_service.web.endpoints[0]}/"
  description = "Where the first task of the web service answers."
}

output "endpoints" {
  value = ecs_service.web.endpoints
}
