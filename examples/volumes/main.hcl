# Task volumes as ECS has them, on the local Docker engine: a shared Docker volume whose data
# outlives every task, an empty volume that lives as long as its task, a read-only bind mount of
# a host directory, and a second container that sees the first one's volumes (volumes_from).
# Docker volumes need the EC2 launch type (Fargate refuses them, as it does host paths), so the
# local engine joins the cluster as a container instance.

variable "cluster_name" {
  type        = string
  default     = "berth-volumes"
  description = "Name of the ECS cluster (and of its Docker network, berth-NAME)."
}

variable "message" {
  type        = string
  default     = "first"
  description = "Written by each task as it starts; change it to roll out a new revision."
}

locals {
  image = "berth-example/busybox:latest"
  # sh as PID 1 ends on SIGTERM only with a trap, so a replaced task stops at once.
  wait = "trap 'exit 0' TERM; while true; do sleep 1; done"
}

resource "ecs_cluster" "main" {
  name = var.cluster_name
}

resource "ecs_container_instance" "local" {
  cluster = ecs_cluster.main.name
}

resource "ecs_task_definition" "worker" {
  family                   = "${var.cluster_name}-worker"
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]
  memory                   = 256

  # Named by the volume's name, created on first use (autoprovision) and never removed by berth.
  volume {
    name = "${var.cluster_name}-data"
    docker_volume_configuration {
      scope         = "shared"
      autoprovision = true
      driver        = "local"
      labels        = { app = "worker" }
    }
  }

  # No host path: a volume of the task's own, removed when the task stops.
  volume {
    name = "scratch"
  }

  volume {
    name      = "conf"
    host_path = abspath("${path.module}/conf")
  }

  container {
    name        = "writer"
    image       = local.image
    entry_point = ["/bin/sh", "-c"]
    command     = ["echo \"$MESSAGE\" >> /data/starts && echo scratch > /scratch/f && ${local.wait}"]
    environment = { MESSAGE = var.message }

    mount_points {
      source_volume  = "${var.cluster_name}-data"
      container_path = "/data"
    }
    mount_points {
      source_volume  = "scratch"
      container_path = "/scratch"
    }
    mount_points {
      source_volume  = "conf"
      container_path = "/etc/app"
      read_only      = true
    }
  }

  container {
    name        = "reader"
    image       = local.image
    essential   = false
    entry_point = ["/bin/sh", "-c"]
    command     = [local.wait]

    # Every volume of writer, at the same paths; read-only here.
    volumes_from {
      source_container = "writer"
      read_only        = true
    }
  }
}

resource "ecs_service" "worker" {
  name            = "worker"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.worker.arn
  desired_count   = 1
  launch_type     = "EC2"
  depends_on      = [ecs_container_instance.local]
}

output "shared_volume" {
  value       = "${var.cluster_name}-data"
  description = "The Docker volume that keeps the data; berth leaves it when the service goes (docker volume rm it)."
}
