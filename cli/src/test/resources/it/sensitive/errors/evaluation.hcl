# Errors of a function, of a provider quoting a value it was given (the family, a container name
# inside jsonencode), and an output that would reveal the secret: none may quote it.
variable "secret" {
  type      = string
  sensitive = true
}

locals {
  as_number = tonumber(var.secret)
}

resource "ecs_task_definition" "number" {
  family = "number"
  container {
    name   = "app"
    image  = "berth-example/busybox:latest"
    memory = local.as_number
  }
}

resource "ecs_task_definition" "family" {
  family = "bad!${var.secret}"
  container {
    name   = "app"
    image  = "berth-example/busybox:latest"
    memory = 64
  }
}

resource "ecs_task_definition" "twice" {
  family = "twice"
  container_definitions = jsonencode([
    { name = var.secret, image = "berth-example/busybox:latest", memory = 64, essential = true },
    { name = var.secret, image = "berth-example/busybox:latest", memory = 64, essential = true },
  ])
}

output "revealed" {
  value = "pw=${var.secret}"
}
