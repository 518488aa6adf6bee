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
# SCALE_WARM=N: the plans are served by the background berth (README, "The background berth"), as
# a user's plans in one directory are, after N untimed plans on each side; CPU then counts the
# background JVMs' seconds during the run, and peak RSS is the serving JVM's high-water mark.
set -euo pipefail
# Otherwise time and memory are those of the JVM that does the work, never of a background berth.
export BERTH_DAEMON=off
warm=${SCALE_WARM:-0}
n=${1:-10000}
before=${2:-}
rounds=${SCALE_ROUNDS:-3}
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d)
# A control plane of its own, removed with the work directory: never the user's own ecs.db.
export BERTH_ECS_STORE="$work/ecs.db"
. "$top/bench/daemon-cpu.sh"
daemon_cpu > "$work/daemons.at-start"
# Background berths this run started are stopped with it.
stop_daemons() {
  daemon_cpu | while read -r pid _; do grep -q "^$pid " "$work/daemons.at-start" || kill "$pid" 2>/dev/null || true; done
}
trap 'stop_daemons; rm -rf "$work"' EXIT

run() {  # run LABEL ROOT ARGS...: one timed process; prints wall, CPU, peak RSS and the load
  local label=$1 root=$2; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$root/bin/berth" -chdir="$work" "$@" -no-color > "$work/out" 2>&1 || {
    tail -20 "$work/out"; exit 1; }
  read -r secs user sys kb < "$work/time"
  printf '%-40s %8.2f s %7.2f cpu s %6d MB peak RSS  (load %s)\n' "$label" "$secs" \
    "$(echo "$user + $sys" | bc)" $((kb / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
}

plan() {  # plan LABEL ROOT: one plan, served by the background berth when SCALE_WARM is set
  local label=$1 root=$2
  if [ "$warm" = 0 ]; then run "$label" "$root" plan; grep -q "No changes." "$work/out"; return; fi
  daemon_cpu > "$work/cpu.before"
  /usr/bin/time -f "%e %U %S" -o "$work/time" env -u BERTH_DAEMON "$root/bin/berth" -chdir="$work" plan -no-color \
    > "$work/out" 2>&1 || { tail -20 "$work/out"; exit 1; }
  grep -q "No changes." "$work/out"
  daemon_cpu > "$work/cpu.after"
  read -r secs user sys < "$work/time"
  local cpu pid kb
  # The client's CPU and every background berth's meanwhile; the one that grew most served the plan.
  cpu=$(awk 'FILENAME == ARGV[1] { was[$1] = $2; next } { d += $2 - was[$1] } END { print d }' \
    "$work/cpu.before" "$work/cpu.after")
  pid=$(awk 'FILENAME == ARGV[1] { was[$1] = $2; next } { g = $2 - was[$1]; if (g >= best) { best = g; p = $1 } }
    END { print p }' "$work/cpu.before" "$work/cpu.after")
  kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
  printf '%-40s %8.2f s %7.2f cpu s %6d MB peak RSS  (load %s, served)\n' "$label" "$secs" \
    "$(echo "$user + $sys + $cpu" | bc)" $((kb / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
}

warm_up() {  # warm_up ROOT: SCALE_WARM untimed plans served by ROOT's background berth
  local i
  for i in $(seq "$warm"); do env -u BERTH_DAEMON "$1/bin/berth" -chdir="$work" plan -no-color > /dev/null 2>&1; done
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
if [ "$warm" != 0 ]; then
  warm_up "$top"
  [ -z "$before" ] || warm_up "$before"
fi
if [ -z "$before" ]; then
  plan "(a) plan, state matches (refresh)" "$top"
else
  for i in $(seq "$rounds"); do
    plan "(a) plan, before ($before)" "$before"
    cut -d' ' -f1 "$work/time" >> "$work/walls.before"
    plan "(a) plan, now" "$top"
    cut -d' ' -f1 "$work/time" >> "$work/walls.now"
  done
  # The machine's speed drifts from minute to minute: each now is set against the before just
  # ahead of it, and the median of those ratios is the comparison (bench/README.md).
  median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
  echo "median wall: before $(median < "$work/walls.before") s, now $(median < "$work/walls.now") s;" \
    "now / before, median of the $rounds pairs: $(paste -d' ' "$work/walls.before" "$work/walls.now" \
      | awk '{ printf "%.3f\n", $2 / $1 }' | median)"
fi
echo "state file: $(du -h "$work/berth.db" | cut -f1), serial $(sqlite3 "$work/berth.db" "select value from meta where key='serial'" 2>/dev/null || echo '?')"
