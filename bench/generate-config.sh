#!/usr/bin/env bash
# Writes a configuration of N ecs_task_definition resources to DIR/main.hcl. Task definitions
# live in the provider's own tables (no Docker calls), so plan and apply of this configuration
# measure berth itself: parsing, graph, planning, refresh, state writes.
set -euo pipefail
n=${1:?usage: generate-config.sh N DIR}
dir=${2:?usage: generate-config.sh N DIR}
mkdir -p "$dir"
{
  echo 'variable "image" {'
  echo '  default = "berth-example/busybox:latest"'
  echo '}'
  for i in $(seq 0 $((n - 1))); do
    cat <<HCL

resource "ecs_task_definition" "svc_$i" {
  family                   = "bench-$i"
  cpu                      = 256
  memory                   = 512
  requires_compatibilities = ["FARGATE"]
  container_definitions = jsonencode([{
    name         = "app"
    image        = var.image
    memory       = 128
    portMappings = [{ containerPort = 8080 }]
    environment  = [{ name = "INDEX", value = "$i" }]
  }])
}
HCL
  done
} > "$dir/main.hcl"
