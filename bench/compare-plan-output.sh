#!/usr/bin/env bash
# Checks that two builds print the same plans: a no-change plan of N task definitions and one
# that changes all of them (memory 512 -> 1024, a new revision each), as text, -markdown and
# -json (timestamps taken out). "Refreshing state..." lines come in the walk's order, which
# differs from run to run on either side, so the text is compared sorted as well as whole
# without them.
# Usage: bench/compare-plan-output.sh BEFORE [N]  (BEFORE: another checkout's top directory with a
# built jar; N defaults to 100). Exits 1 on the first difference, showing it.
set -euo pipefail
before=${1:?usage: compare-plan-output.sh BEFORE [N]}
n=${2:-100}
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d)
export BERTH_ECS_STORE="$work/ecs.db"
# Each build's own JVM, never a background berth started by the other (README).
export BERTH_DAEMON=off
trap 'rm -rf "$work"' EXIT

"$top/bench/generate-config.sh" "$n" "$work"
"$top/bin/berth" -chdir="$work" apply -auto-approve -no-color > /dev/null

plans() {  # plans LABEL: every form of the plan by both builds, compared
  local label=$1
  for form in "" -markdown -json; do
    for side in before now; do
      root=$([ $side = before ] && echo "$before" || echo "$top")
      "$root/bin/berth" -chdir="$work" plan -no-color $form > "$work/$side.out" 2>&1 || [ $? = 2 ] || true
      # Timestamps and the refresh lines' order are not the plan's content.
      sed -E 's/"@?timestamp": ?"[^"]*"/"timestamp":"-"/g; s/"(timestamp|generated_at)":"[^"]*"/"\1":"-"/g' \
        "$work/$side.out" | grep -v 'Refreshing state\.\.\.\|refresh_start\|refresh_complete' > "$work/$side.plan"
      grep 'Refreshing state\.\.\.\|refresh_start\|refresh_complete' "$work/$side.out" \
        | sed -E 's/"@?timestamp": ?"[^"]*"//g' | sort > "$work/$side.refresh" || true
    done
    if ! diff "$work/before.plan" "$work/now.plan" > "$work/diff" \
        || ! diff "$work/before.refresh" "$work/now.refresh" >> "$work/diff"; then
      echo "DIFFERENT: $label plan${form:+ $form}"; head -40 "$work/diff"; exit 1
    fi
    echo "same: $label plan${form:+ $form} ($(wc -l < "$work/now.out") lines)"
  done
}
plans "no-change"
sed -i 's/memory                   = 512/memory                   = 1024/' "$work/main.hcl"
plans "changing $n"
