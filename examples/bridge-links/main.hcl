# Two containers of one bridge-mode task that talk by name, as on an ECS container instance:
# "client" reaches "web" as http://web:8080/ (every container of a bridge task resolves the
# others by container name) and as http://frontend:8080/ (its link's alias). Also shows a few
# of the further container options: labels, ulimits, an init process, a read-only root with a
# tmpfs to write to.

variable "cluster_name" {
  type    = string
  default = "berth-bridge"
}

resource "ecs_cluster" "main" {
  name = var.cluster_name
}

# The local Docker engine as an EC2 container instance of the cluster.
resource "ecs_container_instance" "local" {
  cluster    = ecs_cluster.main.name
  attributes = { "ecs.availability-zone" = "zone-a" }
}

resource "ecs_task_definition" "pair" {
  family       = "${var.cluster_name}-pair"
  network_mode = "bridge"

  container {
    name        = "web"
    image       = "berth-example/busybox:latest"
    memory      = 32
    entry_point = ["/bin/sh", "-c"]
    command     = ["mkdir -p /www && echo 'hello from web' > /www/index.html && exec httpd -f -p 8080 -h /www"]
  }

  container {
    name                     = "client"
    image                    = "berth-example/busybox:latest"
    memory                   = 32
    links                    = ["web:frontend"]
    readonly_root_filesystem = true
    docker_labels            = { team = "payments" }
    entry_point              = ["/bin/sh", "-c"]
    command                  = ["while true; do wget -qO- http://web:8080/ > /scratch/last; sleep 5; done"]

    ulimits {
      name       = "nofile"
      soft_limit = 4096
      hard_limit = 8192
    }

    linux_parameters {
      init_process_enabled = true
      tmpfs {
        container_path = "/scratch"
        size           = 16
      }
    }
  }
}

resource "ecs_service" "pair" {
  name            = "pair"
  cluster         = ecs_cluster.main.name
  task_definition = ecs_task_definition.pair.arn
  desired_count   = 1
  launch_type     = "EC2"
}
