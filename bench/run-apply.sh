#!/usr/bin/env bash
# Issue-11 "applies at the engine's speed": starting N one-container FARGATE tasks with
# `berth apply` against starting the same N containers with `docker run -d` from P parallel
# shells, side by side on the same engine, same image, same command, same limits, same kind of
# network. Each round times both (in alternating order, so neither always runs on a warmer
# engine) and removes what it started before the next; the medians and their ratio come last.
#
# berth's side is one whole `apply -auto-approve` process (JVM start, refresh, plan, apply,
# state saved) that scales an existing service from 0 to N; the cluster, its network and the
# task definition exist already, as the docker side's network does. `docker run -d` returns
# once its container has started; berth's apply returns once every task is recorded RUNNING
# after its settle check.
#
# Holds the shared Docker lock (/tmp/berth-docker.lock) for the whole run, so other tests do
# not skew it; everything it creates is removed on exit, even after a failure.
# Usage: bench/run-apply.sh [N] [ROUNDS] [P] (defaults 20, 5, 8). Needs the built jar,
# berth-example/busybox:latest and berth/metadata:latest (examples/image/build.sh); with
# BERTH_METADATA_IMAGE naming an image the engine lacks, tasks start without their metadata
# endpoint (berth warns once per task), which shows what the endpoint costs.
# BERTH_BEFORE=DIR (a checkout of older code, built) adds a third side, DIR/bin/berth, timed in
# the same rounds on the same world, for a before/after comparison measured side by side.
# berth's CPU is the timed process's (/usr/bin/time) plus what the background berths of this user
# spent meanwhile (their pid files, /proc/PID/stat), so an apply they served counts in full.
# APPLY_TRACE=DIR keeps, per round, where the timed apply's time went (BERTH_TRACE: milliseconds
# since its JVM started, per phase and task) as DIR/apply-ROUND.trace, with the process's CPU seconds.
set -euo pipefail
if [ "${BERTH_BENCH_LOCKED:-}" != 1 ]; then
  BERTH_BENCH_LOCKED=1 exec flock /tmp/berth-docker.lock "$0" "$@"
fi
n=${1:-20}
rounds=${2:-5}
par=${3:-8}
image=berth-example/busybox:latest
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d)
# A control plane of its own, removed with the work directory: never the user's own ecs.db.
export BERTH_ECS_STORE="$work/ecs.db"
# Each task reserves a quarter vCPU; the default Fargate quota is the engine's CPUs.
export BERTH_FARGATE_VCPU_QUOTA=$(( (n + 3) / 4 ))
cluster="bench-apply-$$"
net="bench-apply-docker-$$"
label="dev.berth.bench-apply=$$"
# sh as PID 1 ignores SIGTERM unless it traps it: both sides stop at once when scaled down.
cmd="trap 'exit 0' TERM; while :; do sleep 1; done"

bin="$top/bin/berth"
berth() { "$bin" -chdir="$work" "$@" -no-color -var cluster_name="$cluster"; }
docker_side_clean() {
  ids=$(docker ps -aq --filter "label=$label")
  [ -z "$ids" ] || docker rm -f $ids > /dev/null
}
cleanup() {
  # A second try: Docker 20.10 under load sometimes reports a removed container's endpoint as
  # still active on the cluster network for a moment.
  berth destroy -auto-approve > "$work/destroy" 2>&1 || { sleep 3; berth destroy -auto-approve > "$work/destroy" 2>&1; } \
    || tail -5 "$work/destroy"
  ids=$(docker ps -aq --filter "label=dev.berth.cluster=arn:aws:ecs:local:000000000000:cluster/$cluster")
  [ -z "$ids" ] || docker rm -f $ids > /dev/null
  docker_side_clean
  # The older code's metadata sidecars (BERTH_BEFORE), should its own scale-down have failed.
  ids=$(docker ps -a --filter label=dev.berth.metadata-for --format '{{.ID}} {{.Label "dev.berth.metadata-for"}}' \
    | awk -v c=":task/$cluster/" 'index($2, c) { print $1 }')
  [ -z "$ids" ] || docker rm -f $ids > /dev/null
  docker network rm "berth-$cluster" "$net" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

cat > "$work/main.hcl" <<HCL
variable "cluster_name" {
  type = string
}

variable "tasks" {
  type    = number
  default = 0
}

resource "ecs_cluster" "bench" {
  name = var.cluster_name
}

resource "ecs_task_definition" "one" {
  family                   = "bench-apply"
  cpu                      = 256
  memory                   = 512
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  container_definitions = jsonencode([{
    name    = "app"
    image   = "$image"
    cpu     = 16
    memory  = 32
    command = ["sh", "-c", "$cmd"]
  }])
}

resource "ecs_service" "bench" {
  name            = "bench"
  cluster         = ecs_cluster.bench.id
  task_definition = ecs_task_definition.one.arn
  desired_count   = var.tasks
  launch_type     = "FARGATE"
}
HCL

# The starting point of every round: the cluster, its network, the task definition and an
# empty service on berth's side; a user-defined bridge network on docker's.
berth apply -auto-approve -var tasks=0 > "$work/out" 2>&1 || { tail -20 "$work/out"; exit 1; }
berth apply -auto-approve -var tasks=1 > "$work/out" 2>&1 || { tail -20 "$work/out"; exit 1; }
berth apply -auto-approve -var tasks=0 > "$work/out" 2>&1 || { tail -20 "$work/out"; exit 1; }
docker network create "$net" > /dev/null

now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }

round=0
# The engine goes on tearing down removed containers (shims, network endpoints) for a moment after
# `docker rm` returns; in one traced run (bench/README.md) the starts of a side timed right after
# docker's removal were 20-40% slower. Each side waits BENCH_PAUSE seconds (default 3) after
# removing what it started, so none runs on another's leftovers.
pause() { sleep "${BENCH_PAUSE:-3}"; }
. "$top/bench/daemon-cpu.sh"
time_berth() {
  local t0 trace=
  [ -z "${APPLY_TRACE:-}" ] || { mkdir -p "$APPLY_TRACE"; trace="$APPLY_TRACE/apply-$round${bin_tag:-}.trace"; : > "$trace"; }
  daemon_cpu > "$work/daemon-cpu.before"
  t0=$(now)
  BERTH_TRACE="$trace" /usr/bin/time -f '%U %S' -o "$work/cpu" "$bin" -chdir="$work" apply -auto-approve -no-color \
    -var cluster_name="$cluster" -var tasks="$n" > "$work/out" 2>&1 || { tail -20 "$work/out"; exit 1; }
  elapsed "$t0" > "$work/t"
  daemon_cpu > "$work/daemon-cpu.after"
  # The client's CPU plus what every background berth spent meanwhile; one started by this apply
  # (the first in a new environment) counts whole, as its start is this run's doing.
  awk 'FILENAME == ARGV[1] { was[$1] = $2; next } FILENAME == ARGV[2] { d += $2 - was[$1]; next } { c = $1 + $2 }
    END { print c + d }' "$work/daemon-cpu.before" "$work/daemon-cpu.after" "$work/cpu" >> "$work/cpu${bin_tag:-}.times"
  running=$(docker ps -q --filter "label=dev.berth.cluster=arn:aws:ecs:local:000000000000:cluster/$cluster" \
    --filter label=dev.berth.container-name=app --filter status=running | wc -l)
  [ "$running" -eq "$n" ] || { echo "berth: $running of $n containers run"; exit 1; }
  berth apply -auto-approve -var tasks=0 > "$work/out" 2>&1 || { tail -20 "$work/out"; exit 1; }
  pause
  cat "$work/t"
}

# The older code's apply, on the same world (its state and control plane).
time_before() {
  local saved=$bin
  bin="$BERTH_BEFORE/bin/berth"
  bin_tag=.before time_berth
  bin=$saved
}

time_docker() {
  local t0
  t0=$(now)
  seq 1 "$n" | xargs -P "$par" -I{} docker run -d --name "bench-apply-$$-{}" --label "$label" \
    --network "$net" --cpu-shares 16 --memory 32m "$image" sh -c "$cmd" > /dev/null
  elapsed "$t0" > "$work/t"
  running=$(docker ps -q --filter "label=$label" --filter status=running | wc -l)
  [ "$running" -eq "$n" ] || { echo "docker: $running of $n containers run"; exit 1; }
  docker_side_clean
  pause
  cat "$work/t"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "$n tasks, $rounds rounds, docker run from $par shells; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
: > "$work/berth.times"
: > "$work/docker.times"
: > "$work/before.times"
: > "$work/cpu.times"
: > "$work/cpu.before.times"
for r in $(seq 1 "$rounds"); do
  round=$r
  p=0
  if [ $((r % 2)) -eq 1 ]; then
    d=$(time_docker); b=$(time_berth)
    [ -z "${BERTH_BEFORE:-}" ] || p=$(time_before)
  else
    [ -z "${BERTH_BEFORE:-}" ] || p=$(time_before)
    b=$(time_berth); d=$(time_docker)
  fi
  echo "$b" >> "$work/berth.times"
  echo "$d" >> "$work/docker.times"
  echo "$p" >> "$work/before.times"
  printf 'round %d: berth apply %6.2f s   docker run x%d %6.2f s   before %6.2f s   load %s\n' "$r" "$b" "$par" "$d" \
    "$p" "$(cut -d' ' -f1 /proc/loadavg)"
done
mb=$(median < "$work/berth.times")
md=$(median < "$work/docker.times")
printf 'median: berth apply %.2f s (CPU %.2f s), docker run %.2f s, ratio %.2f\n' "$mb" \
  "$(median < "$work/cpu.times")" "$md" "$(echo "$mb / $md" | bc -l)"
if [ -n "${BERTH_BEFORE:-}" ]; then
  mp=$(median < "$work/before.times")
  printf 'before: berth apply %.2f s (CPU %.2f s), ratio %.2f\n' "$mp" "$(median < "$work/cpu.before.times")" \
    "$(echo "$mp / $md" | bc -l)"
fi
