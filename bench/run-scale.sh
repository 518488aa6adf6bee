#!/usr/bin/env bash
# Issue-3 scale benchmarks, each as one whole process from the shell with its peak memory:
#   (b) apply -auto-approve of N resources from an empty state (state saved after every resource)
#   (a) plan of the same N resources whose state already matches (refresh included)
# Usage: bench/run-scale.sh [N] (default 10000). Needs the built jar (mvn -q -DskipTests package).
set -euo pipefail
n=${1:-10000}
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d)
# A control plane of its own, removed with the work directory: never the user's own ecs.db.
export BERTH_ECS_STORE="$work/ecs.db"
trap 'rm -rf "$work"' EXIT
"$top/bench/generate-config.sh" "$n" "$work"
echo "configuration: $n resources, $(du -h "$work/main.hcl" | cut -f1)"

measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$top/bin/berth" -chdir="$work" "$@" -no-color > "$work/out" 2>&1 || {
    tail -20 "$work/out"; exit 1; }
  read -r secs kb < "$work/time"
  printf '%-40s %8.2f s %8d MB peak RSS\n' "$label" "$secs" $((kb / 1024))
}

measure "(b) apply -auto-approve, empty state" apply -auto-approve
grep -q "Apply complete! Resources: $n added" "$work/out"
measure "(a) plan, state matches (refresh)" plan
grep -q "No changes." "$work/out"
echo "state file: $(du -h "$work/berth.db" | cut -f1), serial $(sqlite3 "$work/berth.db" "select value from meta where key='serial'" 2>/dev/null || echo '?')"
