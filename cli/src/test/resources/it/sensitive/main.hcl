# One secret taken every way into two task definitions, two services and the outputs. SensitiveIT
# checks that not a byte of it is printed anywhere, while the containers do get it.

variable "secret" {
  type      = string
  sensitive = true
}

variable "cluster_name" {
  type    = string
  default = "it-sensitive"
}

locals {
  image    = "berth-example/busybox:latest"
  env      = { PASSWORD = var.secret, USER = "app" }
  listed   = [for k, v in local.env : { name = k, value = v }]
  via_tmpl = "pw=${var.secret}"
  via_fmt  = format("%s!", var.secret)
  via_cond = var.secret != "" ? var.secret : "none"
  via_merge = merge({ A = "a" }, { B = var.secret })
  via_lookup = lookup(local.env, "PASSWORD", "none")
  via_b64  = base64encode(var.secret)
}

resource "ecs_cluster" "main" {
  name = var.cluster_name
}

resource "ecs_task_definition" "json" {
  family                   = "${var.cluster_name}-json"
  cpu                      = 256
  memory                   = 512
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  container_definitions = jsonencode([{
    name       = "app"
    image      = local.image
    memory     = 64
    essential  = true
    entryPoint = ["/bin/sh", "-c"]
    command    = ["sleep 3600"]
    environment = concat(local.listed, [
      { name = "T", value = local.via_tmpl },
      { name = "F", value = local.via_fmt },
      { name = "C", value = local.via_cond },
      { name = "M", value = local.via_merge.B },
      { name = "L", value = local.via_lookup },
      { name = "B", value = local.via_b64 },
    ])
  }])
}

resource "ecs_task_definition" "blocks" {
  family                   = "${var.cluster_name}-blocks"
  cpu                      = 256
  memory                   = 512
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  container {
    name        = "app"
    image       = local.image
    memory      = 64
    entry_point = ["/bin/sh", "-c"]
    command     = ["sleep 3600"]
    environment = merge(local.env, { T = local.via_tmpl })
  }
}

resource "ecs_service" "json" {
  name            = "json"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.json.arn
  desired_count   = 1
  launch_type     = "FARGATE"
}

resource "ecs_service" "blocks" {
  name            = "blocks"
  cluster         = ecs_cluster.main.id
  task_definition = ecs_task_definition.blocks.arn
  desired_count   = 1
  launch_type     = "FARGATE"
}

output "secret_env" {
  value     = local.listed
  sensitive = true
}

output "is_secret" {
  value = nonsensitive(issensitive(var.secret))
}

output "definitions" {
  value     = ecs_task_definition.blocks.container_definitions
  sensitive = true
}
