# A queue worker on a container instance with three kinds of task volumes, written as container
# blocks: a shared Docker volume that outlives its tasks (the queue), a task-scoped scratch
# volume that goes with each task, and a read-only bind mount of a host directory (the config);
# a non-essential janitor sees the worker's volumes through volumes_from.

variable "config_dir" {
  type        = string
  default     = "/tmp/berth-worker-config"
  description = "Host directory mounted read-only at /config."
}

variable "cluster_name" {
  type        = string
  default     = "berth-worker"
  description = "Cluster name; the shared queue volume is named after it."
}

locals {
  image = "berth-example/busybox:latest"
  # A shared volume is the Docker volume of this name on the engine, so it is named per cluster.
  queue = "${var.cluster_name}-queue"
}

resource "ecs_cluster" "main" {
  name = var.cluster_name
}

resource "ecs_container_instance" "local" {
  cluster = ecs_cluster.main.id
}

resource "ecs_task_definition" "worker" {
  family                   = "worker"
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]
  memory                   = 256

  volume {
    name = local.queue
    docker_volume_configuration {
      scope         = "shared"
      autoprovision = true
      driver        = "local"
      labels        = { app = "worker" }
    }
  }

  volume {
    name = "scratch"
    docker_volume_configuration {
      scope = "task"
    }
  }

  volume {
    name      = "config"
    host_path = var.config_dir
  }

  container {
    name        = "worker"
    image       = local.image
    memory      = 128
    entry_point = ["/bin/sh", "-c"]
    command     = ["while true; do for f in /queue/*.job; do [ -e \"$f\" ] && mv \"$f\" /scratch/ && echo done \"$f\"; done; sleep 2; done"]
    environment = { QUEUE_DIR = "/queue" }

    mount_points {
      source_volume  = local.queue
      container_path = "/queue"
    }
    mount_points {
      source_volume  = "scratch"
      container_path = "/scratch"
    }
    mount_points {
      source_volume  = "config"
      container_path = "/config"
      read_only      = true
    }
  }

  container {
    name        = "janitor"
    image       = local.image
    memory      = 32
    essential   = false
    entry_point = ["/bin/sh", "-c"]
    command     = ["while true; do find /scratch -name '*.job' -mmin +10 -delete; sleep 60; done"]

    volumes_from {
      source_container = "worker"
    }
  }
}

resource "ecs_service" "worker" {
  name            = "worker"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.worker.arn
  desired_count   = 1
  launch_type     = "EC2"
}
