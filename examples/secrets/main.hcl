# A worker whose database password comes from berth's secret store, never from the configuration:
#
#   printf %s 'correct horse battery staple' | bin/berth secret put demo/db-password
#   bin/berth -chdir=examples/secrets apply -auto-approve
#   docker exec $(docker ps -qf label=dev.berth.container-name=worker) env | grep DB_
#
# The plan, the state and the control plane hold only the references below; the container's
# environment holds the value. Without the secret, plan stops and names it.

variable "cluster_name" {
  type        = string
  default     = "berth-secrets"
  description = "Name of the ECS cluster (and of its Docker network, berth-NAME)."
}

resource "ecs_cluster" "main" {
  name = var.cluster_name
}

resource "ecs_task_definition" "worker" {
  family                   = "secrets-worker"
  cpu                      = 256
  memory                   = 512
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]

  container {
    name        = "worker"
    image       = "berth-example/busybox:latest"
    memory      = 64
    entry_point = ["/bin/sh", "-c"]
    command     = ["echo \"DB_PASSWORD has $${#DB_PASSWORD} characters\"; exec sleep 3600"]
    environment = { DB_USER = "app" }

    # The secret's NAME, as berth secret put stored it ...
    secrets {
      name       = "DB_PASSWORD"
      value_from = "demo/db-password"
    }
    # ... or the ARN a task definition written for AWS already has: its last part is the NAME.
    secrets {
      name       = "DB_PASSWORD_FROM_ARN"
      value_from = "arn:aws:secretsmanager:us-east-1:123456789012:secret:demo/db-password-AbCdEf"
    }
  }
}

resource "ecs_service" "worker" {
  name            = "worker"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.worker.arn
  desired_count   = 1
  launch_type     = "FARGATE"
}
