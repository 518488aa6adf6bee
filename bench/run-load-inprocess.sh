#!/usr/bin/env bash
# berth's own cost under the issue-12 load: dev.berth.ecs.load.InProcessLoad runs the driver of
# bench/run-load.sh against the HTTP server and control plane in one JVM, on the tests' in-memory
# engine (no Docker, no lock). Prints p50/p99 per action and the JVM's CPU seconds (driver and
# seeding included). BERTH_BEFORE=DIR (a checkout of older code) runs the same load on DIR's code
# first, in the same script, for a side-by-side comparison on the same machine and load.
# Usage: bench/run-load-inprocess.sh [CLIENTS] [SECONDS] [TASKS] [RUNNING] [RATE] [WARMUP]
# (defaults 50 30 10000 100 4 10; WARMUP seconds of load first, latencies not counted).
# Builds the test classes of each side itself (mvn -o, test-compile).
# BERTH_CHURN=GAP runs this tree's side twice instead, the second time with bench/churn.py starting
# a container on the local engine every GAP seconds beside it (each living 4 s): what the engine's
# work for a real-engine load costs a server that never asks the engine. It holds the shared Docker
# lock then, and the churn's containers and network are removed at the end.
set -euo pipefail
if [ -n "${BERTH_CHURN:-}" ] && [ "${BERTH_BENCH_LOCKED:-}" != 1 ]; then
  BERTH_BENCH_LOCKED=1 exec flock /tmp/berth-docker.lock "$0" "$@"
fi
clients=${1:-50}
seconds=${2:-30}
tasks=${3:-10000}
running=${4:-100}
rate=${5:-4}
warmup=${6:-10}
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d)
churn_pid=
cleanup() {
  if [ -n "$churn_pid" ]; then kill -TERM "$churn_pid" 2>/dev/null || true; wait "$churn_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

side() { # side NAME DIR [CHURN_GAP]
  local name=$1 dir=$2 gap=${3:-} cp
  (cd "$dir" && mvn -B -o -q -pl provider-ecs -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile="$work/$name-cp-\${project.artifactId}.txt" -Dmdep.includeScope=test >"$work/$name-build.log" 2>&1) \
    || { echo "$name: build failed:"; tail -20 "$work/$name-build.log"; return 1; }
  # The driver (and the in-memory engine) from this tree on both sides, the server's code from DIR.
  cp="$dir/provider-ecs/target/classes:$top/provider-ecs/target/test-classes:$dir/provider-ecs/target/test-classes"
  cp="$cp:$(cat "$work/$name-cp-berth-provider-ecs.txt")"
  echo "== $name ($dir), $clients clients x $rate/s for $seconds s after $warmup s of warm-up, $tasks tasks ($running running)${gap:+, a container started every $gap s beside it}, load $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "$gap" ]; then
    "$top/bench/churn.py" "$gap" 4 &
    churn_pid=$!
  fi
  /usr/bin/time -f "CPU: user %U s, system %S s, wall %e s (seeding and driver included)" \
    java -cp "$cp" dev.berth.ecs.load.InProcessLoad "$clients" "$seconds" "$tasks" "$running" "$rate" "$warmup" 2>&1 \
    | grep -v '^SLF4J'
  if [ -n "$churn_pid" ]; then
    # It ends with 0 when stopped; a churn that failed early (no engine, no image) would leave a
    # quiet run labelled as churned.
    kill -TERM "$churn_pid" 2>/dev/null || true
    local churned=0
    wait "$churn_pid" || churned=$?
    churn_pid=
    [ "$churned" = 0 ] || { echo "$name: the churn failed; this side does not count"; return 1; }
  fi
}

rc=0
(cd "$top" && mvn -B -o -q -pl provider-ecs -am test-compile >/dev/null 2>&1) || { echo "build of $top failed"; exit 1; }
if [ -n "${BERTH_CHURN:-}" ]; then
  "$top/scripts/ensure-docker.sh"
  "$top/examples/image/build.sh" # the churn's image; does nothing when it exists
  side quiet "$top" || rc=$?
  side churn "$top" "$BERTH_CHURN" || rc=$?
  exit $rc
fi
if [ -n "${BERTH_BEFORE:-}" ]; then side before "$BERTH_BEFORE" || rc=$?; fi
side now "$top" || rc=$?
exit $rc
