# A container naming a secret nobody has put: the plan must stop, naming the container and the secret.

resource "ecs_task_definition" "app" {
  family       = "secrets-missing"
  network_mode = "awsvpc"

  container {
    name    = "worker"
    image   = "berth-example/busybox:latest"
    memory  = 32
    command = ["sleep", "3600"]

    secrets {
      name       = "API_TOKEN"
      value_from = "arn:aws:ssm:eu-west-1:123456789012:parameter/team/api-token"
    }
  }
}
