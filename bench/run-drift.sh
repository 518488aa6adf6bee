#!/usr/bin/env bash
# Issue-5 drift benchmark on the local Docker engine: applies N services (desired_count 1, one
# tiny busybox container each, cluster bench-drift-PID), then times `plan -refresh-only` as one
# whole process (wall clock, and the CPU seconds it used, which depend less on other load on
# the machine) and reports the engine calls it made (BERTH_DOCKER_CALLS). Everything it
# created is destroyed on exit, even after a failure.
# (/usr/bin/time writes a "Command exited" line first when the exit code is not 0: read the last line.)
# Usage: bench/run-drift.sh [N] (default 100). Needs the built jar and berth-example/busybox:latest.
set -euo pipefail
# Time and memory of the JVM that does the work, never of a background berth (README).
export BERTH_DAEMON=off
n=${1:-100}
# Each service's task asks for a quarter vCPU; the default Fargate quota is the engine's CPUs.
export BERTH_FARGATE_VCPU_QUOTA=${BERTH_FARGATE_VCPU_QUOTA:-$(( (n + 3) / 4 ))}
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d)
# A control plane of its own, removed with the work directory: never the user's own ecs.db.
export BERTH_ECS_STORE="$work/ecs.db"
cluster="bench-drift-$$"
cleanup() {
  "$top/bin/berth" -chdir="$work" destroy -auto-approve -no-color -var cluster_name="$cluster" > "$work/destroy" 2>&1 || true
  ids=$(docker ps -aq --filter "label=dev.berth.cluster=arn:aws:ecs:local:000000000000:cluster/$cluster")
  [ -z "$ids" ] || docker rm -f $ids > /dev/null
  docker network rm "berth-$cluster" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

{
  cat <<'HCL'
variable "cluster_name" {
  type = string
}

resource "ecs_cluster" "bench" {
  name = var.cluster_name
}

resource "ecs_task_definition" "tiny" {
  family                   = "bench-tiny"
  cpu                      = 256
  memory                   = 512
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  container_definitions = jsonencode([{
    name        = "app"
    image       = "berth-example/busybox:latest"
    cpu         = 16
    memory      = 16
    command     = ["sleep", "3600"]
    environment = [{ name = "ROLE", value = "bench" }]
  }])
}
HCL
  for i in $(seq 0 $((n - 1))); do
    cat <<HCL

resource "ecs_service" "svc_$i" {
  name            = "svc-$i"
  cluster         = ecs_cluster.bench.id
  task_definition = ecs_task_definition.tiny.arn
  desired_count   = 1
}
HCL
  done
} > "$work/main.hcl"

berth() { "$top/bin/berth" -chdir="$work" "$@" -no-color -var cluster_name="$cluster"; }

start=$(date +%s.%N)
berth apply -auto-approve > "$work/out" 2>&1 || { tail -20 "$work/out"; exit 1; }
printf 'apply of %d services: %.1f s\n' "$n" "$(echo "$(date +%s.%N) - $start" | bc)"

export BERTH_DOCKER_CALLS="$work/calls"
for run in 1 2 3; do
  : > "$work/calls"
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$top/bin/berth" -chdir="$work" plan -refresh-only -detailed-exitcode \
    -no-color -var cluster_name="$cluster" > "$work/out" 2>&1 || { code=$?; [ $code -eq 0 ] || { tail -20 "$work/out"; exit 1; }; }
  read -r secs kb usr sys < <(tail -1 "$work/time")
  grep -q "No changes." "$work/out" || { echo "unexpected drift:"; tail -30 "$work/out"; exit 1; }
  printf 'plan -refresh-only, %d services, no drift (run %d): %6.2f s (cpu %.2f s) %5d MB  engine calls: %s  load %s\n' \
    "$n" "$run" "$secs" "$(echo "$usr + $sys" | bc)" $((kb / 1024)) "$(cat "$work/calls")" "$(cut -d' ' -f1 /proc/loadavg)"
done

# One container changed behind berth's back: still one listing, and the same inspects.
victim=$(docker ps -q --filter "label=dev.berth.cluster=arn:aws:ecs:local:000000000000:cluster/$cluster" | head -1)
docker update --cpu-shares 512 "$victim" > /dev/null
: > "$work/calls"
set +e
/usr/bin/time -f "%e %M %U %S" -o "$work/time" "$top/bin/berth" -chdir="$work" plan -refresh-only -detailed-exitcode \
  -no-color -var cluster_name="$cluster" > "$work/out" 2>&1
code=$?
set -e
read -r secs kb usr sys < <(tail -1 "$work/time")
[ $code -eq 2 ] || { echo "expected exit 2 on drift, got $code"; tail -30 "$work/out"; exit 1; }
printf 'plan -refresh-only, %d services, 1 updated:          %6.2f s (cpu %.2f s) %5d MB  engine calls: %s  exit %d\n' \
  "$n" "$secs" "$(echo "$usr + $sys" | bc)" $((kb / 1024)) "$(cat "$work/calls")" "$code"
