#!/usr/bin/env bash
# Coverage-guided fuzzing of berth's hostile-input targets with Jazzer (its JUnit integration).
#
#   scripts/fuzz.sh [SECONDS] [CLASS...]
#
# SECONDS (default 600) is the fuzzing time of each target; CLASS limits the run to those fuzz
# test classes (default: all of them). Each module's targets run in one Maven invocation, one JVM
# per target (Jazzer fuzzes one test per JVM). `scripts/test.sh` runs `scripts/fuzz.sh 10`, the
# short pass CI runs, in the copy of the tree its PostgreSQL pass used.
#
# What a run finds is written by Jazzer into the target's inputs directory,
#   MODULE/src/test/resources/<package>/<Class>Inputs/<method>/crash-<sha1> (or timeout-<sha1>),
# where every later `mvn test` replays it: fix the product code, keep the file. The corpus Jazzer
# grows lives in MODULE/.cifuzz-corpus/ (not committed) and carries over to the next run.
# At the end a table gives, per target, the inputs tried, the time and what was found; the
# full logs are in target/fuzz/. Exit status: 0 when nothing was found.
set -uo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"

seconds="${1:-600}"
shift || true
case "$seconds" in ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [CLASS...]" >&2; exit 2;; esac

# module:class for every fuzz target; keep in step with the *FuzzTest classes.
all=(
  engine:ConfigParseFuzzTest
  engine:ConfigEvaluateFuzzTest
  engine:ConfigPlanFuzzTest
  engine:PlanFileFuzzTest
  provider-ecs:ContainerDefinitionsFuzzTest
  provider-ecs:EcsRequestFuzzTest
  cli:StateDocumentFuzzTest
)
wanted=("$@")
selected=()
for t in "${all[@]}"; do
  if [ ${#wanted[@]} -eq 0 ] || printf '%s\n' "${wanted[@]}" | grep -qx "${t#*:}"; then selected+=("$t"); fi
done
[ ${#selected[@]} -gt 0 ] || { echo "no such fuzz test: ${wanted[*]}" >&2; exit 2; }

logs="$top/target/fuzz"
mkdir -p "$logs"
rm -f "$logs"/*.log
# Every input file already in the tree, so new findings can be told apart at the end. Listed with
# find, not git: scripts/test.sh runs this pass in a copy of the tree that has no .git.
inputs() { find engine provider-ecs cli -path '*/target' -prune -o -path '*/src/test/resources/*Inputs/*' -type f -print | sort; }
before="$(inputs)"

status=0
for module in engine provider-ecs cli; do
  classes=()
  for t in "${selected[@]}"; do [ "${t%%:*}" = "$module" ] && classes+=("${t#*:}"); done
  [ ${#classes[@]} -gt 0 ] || continue
  list="$(IFS=,; echo "${classes[*]}")"
  echo "fuzzing ${list//,/, } for ${seconds}s each ..."
  # -am builds the modules this one depends on from this tree; the test filter keeps their own
  # tests from running. JUnit's per-test timeout would count the whole fuzzing run (Jazzer turns
  # @Timeout into libFuzzer's per-input -timeout instead); -max_total_time comes after the
  # annotation's maxDuration, so it wins. A fresh JVM per class: one fuzz test each, with the
  # JVM's own compiler and collector (the tests' client compiler would try fewer inputs).
  JAZZER_FUZZ=1 mvn -B -o -pl "$module" -am test -Dberth.test.jvm= \
    -Dtest="$list" -Dsurefire.failIfNoSpecifiedTests=false -DreuseForks=false -DtrimStackTrace=true \
    -Djunit.jupiter.execution.timeout.mode=disabled \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds" \
    >"$logs/$module.log" 2>&1 || status=1
done

# Per target, from its section of the module's log (from "Running <class>" to the next one):
# libFuzzer's "Done N runs in S second(s)", or its last "#N" status line when it stopped early.
printf '\n%-30s %12s %8s  %s\n' target inputs seconds result
for t in "${selected[@]}"; do
  module="${t%%:*}" class="${t#*:}"
  out="$(awk -v c="$class" '/\[INFO\] Running /{on = ($NF ~ ("\\." c "$"))} on' "$logs/$module.log" 2>/dev/null | tr -d '\000')"
  done_line="$(printf '%s\n' "$out" | grep -E '^Done [0-9]+ runs in [0-9]+ second' | tail -1)"
  runs="$(printf '%s\n' "$done_line" | awk '{print $2}')"
  secs="$(printf '%s\n' "$done_line" | awk '{print $5}')"
  if [ -z "$runs" ]; then
    runs="$(printf '%s\n' "$out" | grep -oE '^#[0-9]+' | tail -1 | tr -d '#')"
    secs="?"
  fi
  finding="$(printf '%s\n' "$out" | grep -oE 'Test unit written to .*' | head -1 | cut -c1-160)"
  [ -n "$finding" ] || finding="$(tr -d '\000' <"$logs/$module.log" | grep -E "^\[ERROR\]   $class\." | head -1 | cut -c1-160)"
  printf '%-30s %12s %8s  %s\n' "$class" "${runs:-?}" "${secs:-?}" "${finding:-no finding}"
done
after="$(inputs)"
new="$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | sed '/^$/d')"
if [ -n "$new" ]; then
  echo; echo "new findings (keep them in the repository's tree at the same path; every mvn test replays them):"
  printf "  $top/%s\n" $new
  status=1
fi
echo; echo "logs: $logs/"
exit $status
