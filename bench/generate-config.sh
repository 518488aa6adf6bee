#!/usr/bin/env bash
# Writes a configuration of N ecs_task_definition resources to DIR/main.hcl. Task definitions
# live in the provider's own tables (no Docker calls), so plan and apply of this configuration
# measure berth itself: parsing, graph, planning, refresh, state writes.
set -euo pipefail
n=${1:?usage: generate-config.sh N DIR}
dir=${2:?usage: generate-config.sh N DIR}
mkdir -p "$dir"
# awk, not a shell loop with a here-document per resource: 100,000 resources in a second, not minutes.
awk -v n="$n" 'BEGIN {
  print "variable \"image\" {"
  print "  default = \"berth-example/busybox:latest\""
  print "}"
  for (i = 0; i < n; i++) {
    print ""
    printf "resource \"ecs_task_definition\" \"svc_%d\" {\n", i
    printf "  family                   = \"bench-%d\"\n", i
    print "  cpu                      = 256"
    print "  memory                   = 512"
    print "  requires_compatibilities = [\"FARGATE\"]"
    print "  container_definitions = jsonencode([{"
    print "    name         = \"app\""
    print "    image        = var.image"
    print "    memory       = 128"
    print "    portMappings = [{ containerPort = 8080 }]"
    printf "    environment  = [{ name = \"INDEX\", value = \"%d\" }]\n", i
    print "  }])"
    print "}"
  }
}' > "$dir/main.hcl"
