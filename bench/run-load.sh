#!/usr/bin/env bash
# Issue-12 "load": `berth server` on loopback driven by concurrent ECS API clients (JSON 1.1 with
# X-Amz-Target, as the AWS CLI sends them) for a bounded time, with a world of TASKS tasks:
# DescribeTasks, ListTasks, DescribeServices and ListServices mixed with RunTask and StopTask.
# Prints throughput and p50/p99 latency per action, and fails when a call failed, a task was lost
# or an instance held more than it registered (dev.berth.ecs.load, provider-ecs's test sources).
# Beside each action's latency (from when the call was due): the server's own share (its
# Server-Timing header), how late the driver sent it, and a yardstick row, the same driver's calls
# to a server in its JVM that answers at once: what the machine's threads and loopback cost then.
#
# The world: one cluster with 4 container instances on the local engine, one service, RUNNING
# real busybox tasks started through RunTask, and the rest stopped tasks whose rows are copies of
# a real stopped task written straight into the store (bench/README.md says why).
# BERTH_BEFORE=DIR (a checkout of older code, built) runs the same load against DIR's server
# first, in the same script, for a side-by-side comparison.
#
# Holds the shared Docker lock for the whole run; everything it creates is removed on exit.
# Usage: bench/run-load.sh [CLIENTS] [SECONDS] [TASKS] [RUNNING] [RATE] [WARMUP] [CHANGES] (defaults 50 60 10000 200 4 10 5):
# WARMUP seconds of the same load run first with their latencies not counted (failures count);
# CHANGES per mille of the calls are RunTask, and as many StopTask (0: reads only).
# Needs the built jars: mvn -B -o -q -pl cli -am package -DskipTests
set -euo pipefail
if [ "${BERTH_BENCH_LOCKED:-}" != 1 ]; then
  BERTH_BENCH_LOCKED=1 exec flock /tmp/berth-docker.lock "$0" "$@"
fi
clients=${1:-50}
seconds=${2:-60}
tasks=${3:-10000}
running=${4:-200}
rate=${5:-4}
warmup=${6:-10}
changes=${7:-5}
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d)
server_pid=
world=
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  # What an interrupted run left on the shared engine: the world's containers and its cluster network.
  if [ -n "$world" ]; then
    docker ps -aq --filter "label=dev.berth.cluster=arn:aws:ecs:local:000000000000:cluster/$world" | xargs -r docker rm -f >/dev/null 2>&1 || true
    docker network rm "berth-$world" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

side() { # side NAME BERTH_DIR
  local name=$1 dir=$2 port
  export BERTH_ECS_STORE="$work/$name.db" BERTH_LOG_STORE="$work/$name-logs" BERTH_SECRET_STORE="$work/$name-secrets"
  # sh traps SIGTERM, so a stop ends at once; the grace only bounds a stuck one.
  export ECS_CONTAINER_STOP_TIMEOUT=5s
  "$dir/bin/berth" server --listen 127.0.0.1:0 >"$work/$name.out" 2>"$work/$name.err" &
  server_pid=$!
  for _ in $(seq 600); do
    port=$(sed -n 's|^berth server listening on http://127.0.0.1:\([0-9]*\),.*|\1|p' "$work/$name.out")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "$name: berth server did not start:"; cat "$work/$name.err"; exit 1; }
  echo "== $name ($dir), $clients clients x $rate/s for $seconds s after $warmup s of warm-up, $tasks tasks ($running running), load $(cut -d' ' -f1-3 /proc/loadavg)"
  local cpu0 cpu1 rc=0
  world="load-$name-$$"
  cpu0=$(awk '{print $14+$15}' "/proc/$server_pid/stat")
  # LOAD_JAVA_OPTS: options for the driver's JVM (its collector's log, say), never the server's.
  java ${LOAD_JAVA_OPTS:-} -cp "$top/cli/target/berth.jar:$top/provider-ecs/target/test-classes" dev.berth.ecs.load.LoadMain \
    --endpoint="http://127.0.0.1:$port" --store="$BERTH_ECS_STORE" --clients="$clients" --seconds="$seconds" \
    --tasks="$tasks" --running="$running" --rate="$rate" --warmup="$warmup" --changes="$changes" --name="$world" || rc=$?
  cpu1=$(awk '{print $14+$15}' "/proc/$server_pid/stat")
  echo "server CPU: $(( (cpu1 - cpu0) / $(getconf CLK_TCK) )) s over the whole side (seeding included); load $(cut -d' ' -f1-3 /proc/loadavg)"
  kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=
  world=
  return $rc
}

rc=0
if [ -n "${BERTH_BEFORE:-}" ]; then side before "$BERTH_BEFORE" || rc=$?; fi
side now "$top" || rc=$?
exit $rc
