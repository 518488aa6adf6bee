#!/usr/bin/env bash
# Scale benchmarks, each as one whole process from the shell with its CPU time and peak memory:
#   (b) apply -auto-approve of N resources from an empty state (state saved after every resource)
#   (a) plan of the same N resources whose state already matches (refresh included)
# Usage: bench/run-scale.sh [N] [BEFORE] (N defaults to 10000). Needs the built jar
# (mvn -q -DskipTests package). BEFORE, when given, is another checkout's top directory (its
# bin/berth and cli/target): (a) then runs SCALE_ROUNDS times (default 3) for each side,
# alternating, so both see the same load. Above 10,000 resources (or with SCALE_APPLY=0) the
# matching state is not applied but seeded: 10 resources applied, the rest copied row by row
# (bench/seed-state.py), since (b) would take most of an hour at 100,000.
set -euo pipefail
# Time and memory of the JVM that does the work, never of a background berth (README).
export BERTH_DAEMON=off
n=${1:-10000}
before=${2:-}
rounds=${SCALE_ROUNDS:-3}
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d)
# A control plane of its own, removed with the work directory: never the user's own ecs.db.
export BERTH_ECS_STORE="$work/ecs.db"
trap 'rm -rf "$work"' EXIT

run() {  # run LABEL ROOT ARGS...: one timed process; prints wall, CPU, peak RSS and the load
  local label=$1 root=$2; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$root/bin/berth" -chdir="$work" "$@" -no-color > "$work/out" 2>&1 || {
    tail -20 "$work/out"; exit 1; }
  read -r secs user sys kb < "$work/time"
  printf '%-40s %8.2f s %7.2f cpu s %6d MB peak RSS  (load %s)\n' "$label" "$secs" \
    "$(echo "$user + $sys" | bc)" $((kb / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
}

if [ "${SCALE_APPLY:-$([ "$n" -le 10000 ] && echo 1 || echo 0)}" = 1 ]; then
  "$top/bench/generate-config.sh" "$n" "$work"
  echo "configuration: $n resources, $(du -h "$work/main.hcl" | cut -f1)"
  run "(b) apply -auto-approve, empty state" "$top" apply -auto-approve
  grep -q "Apply complete! Resources: $n added" "$work/out"
else
  "$top/bench/generate-config.sh" 10 "$work"
  run "(b) apply of 10, to seed from" "$top" apply -auto-approve
  python3 "$top/bench/seed-state.py" "$n" "$work"
  "$top/bench/generate-config.sh" "$n" "$work"
  echo "configuration: $n resources, $(du -h "$work/main.hcl" | cut -f1); state seeded to $n"
fi
if [ -z "$before" ]; then
  run "(a) plan, state matches (refresh)" "$top" plan
  grep -q "No changes." "$work/out"
else
  for i in $(seq "$rounds"); do
    run "(a) plan, before ($before)" "$before" plan
    grep -q "No changes." "$work/out"
    run "(a) plan, now" "$top" plan
    grep -q "No changes." "$work/out"
  done
fi
echo "state file: $(du -h "$work/berth.db" | cut -f1), serial $(sqlite3 "$work/berth.db" "select value from meta where key='serial'" 2>/dev/null || echo '?')"
