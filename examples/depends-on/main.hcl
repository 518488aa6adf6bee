# Container dependencies on the local Docker engine: a database that must be healthy, a one-shot
# migration that must succeed, and a web container that starts only after both, as ECS's agent
# orders them. The migration is not essential: it exits and the task keeps running.

variable "cluster_name" {
  type        = string
  default     = "berth-depends-on"
  description = "Name of the ECS cluster (and of its Docker network, berth-NAME)."
}

locals {
  image = "berth-example/busybox:latest"
}

resource "ecs_cluster" "main" {
  name = var.cluster_name
}

resource "ecs_task_definition" "app" {
  family                   = "depends-on"
  cpu                      = 256
  memory                   = 512
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]

  container {
    name        = "db"
    image       = local.image
    memory      = 64
    entry_point = ["/bin/sh", "-c"]
    # Ready two seconds after it starts; the health check sees it at its next probe.
    command = ["sleep 2; touch /ready; exec sleep 3600"]
    # Containers waiting for db give it a minute to turn healthy (ECS's default is 3 minutes).
    start_timeout = 60
    # sleep as PID 1 ignores SIGTERM: it is killed after 2 s instead of ECS's default 30 s.
    stop_timeout = 2
    health_check {
      command  = ["CMD-SHELL", "test -f /ready"]
      interval = 5
      retries  = 3
    }
  }

  container {
    name        = "migrate"
    image       = local.image
    memory      = 32
    essential   = false
    entry_point = ["/bin/sh", "-c"]
    command     = ["echo migrating; sleep 1; echo migrated"]
    depends_on {
      container_name = "db"
      condition      = "HEALTHY"
    }
  }

  container {
    name         = "web"
    image        = local.image
    memory       = 64
    entry_point  = ["/bin/sh", "-c"]
    command      = ["mkdir -p /www && echo 'started after db and migrate' > /www/index.html && exec httpd -f -p 8080 -h /www"]
    stop_timeout = 5
    port_mappings {
      container_port = 8080
    }
    depends_on {
      container_name = "db"
      condition      = "HEALTHY"
    }
    depends_on {
      container_name = "migrate"
      condition      = "SUCCESS"
    }
  }
}

resource "ecs_service" "app" {
  name            = "app"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.app.arn
  desired_count   = 1
  launch_type     = "FARGATE"
}

output "url" {
  value       = "http://${ecs_service.app.endpoints[0]}/"
  description = "Where the web container answers."
}
