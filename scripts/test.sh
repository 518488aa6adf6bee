#!/usr/bin/env bash
# The README's second command: make sure the Docker engine and the example image exist, then run
# every test, the Docker-backed ones included. Extra arguments go to Maven.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"

# Started in the background by a shell without job control (`(cmd &)`, some CI runners), this
# script would inherit Ctrl-C (SIGINT) ignored, and so would every berth the tests start: the
# tests that stop `berth server` or an apply with Ctrl-C would then wait for nothing. A shell
# cannot undo an ignored signal, so run again through env(1), which restores it.
if [ -r /proc/$$/status ] && (( 16#$(awk '/^SigIgn:/ {print $2}' /proc/$$/status) & 2 )); then
  exec env --default-signal=INT bash "$top/scripts/test.sh" "$@"
fi

scripts/ensure-docker.sh
# The real AWS CLI talks to `berth server` in its tests (ServerGuideIT, AwsCliProtocolIT).
scripts/ensure-awscli.sh
# A real headless Chromium drives berth server's web console in ConsoleIT, whose screenshot
# is left at cli/target/console-it/console.png.
scripts/ensure-chromium.sh
# The PostgreSQL state backend and control-plane store are tested on a real server, a cluster of
# berth's own on 127.0.0.1:55432 (scripts/ensure-postgres.sh).
scripts/ensure-postgres.sh
# HashiCorp's own HCL parser (wasm, via npm) is the oracle of the engine's conformance test.
# Outside target/ so mvn clean keeps it; installed only when missing.
if [ ! -f .hcl-oracle/node_modules/@cdktf/hcl2json/package.json ]; then
  npm install --prefix .hcl-oracle --no-audit --no-fund --loglevel=error @cdktf/hcl2json@0.21.0 >/dev/null
fi
# In CI the image is always built from nothing, so a broken build step cannot hide behind an image
# left on the machine by an earlier run.
if [ "${CI:-}" = true ]; then examples/image/build.sh --fresh; else examples/image/build.sh; fi
# The Docker-backed tests (every *IT class) run once on each store, both passes at once: this
# tree's build is the SQLite pass; a copy of the tree (target/pg-pass, so the two Maven runs share
# no target/) builds the modules again, runs every unit test there, and runs the ITs with every
# control plane and configuration state in PostgreSQL (the parent pom's profile it-postgres), in
# a database made for this run and dropped after it. The two share the Docker engine: tests name
# their clusters, containers, networks and host ports uniquely. Its output follows this one's.
# (`mvn verify` alone runs the unit tests and the SQLite pass; they are split here so that the
# two streams take about as long, on a machine whose two cores both passes keep busy.)
#
# Then, in the same copy, a short coverage-guided fuzzing pass over every hostile-input target
# (scripts/fuzz.sh; the regression inputs already ran with the unit tests). BERTH_FUZZ_SECONDS=0
# leaves it out.
pg_base="${BERTH_TEST_PG:-postgres://berth@127.0.0.1:55432/berth}"
pg_db="berth_it_$$_$(date +%s)"
pg_admin() { psql "${pg_base%/*}/postgres" -qtAc "$1" >/dev/null; }
pg_admin "CREATE DATABASE $pg_db"
pg_copy="$top/target/pg-pass"
pg_log="$top/target/pg-pass.log"
fuzz_log="$top/target/fuzz-pass.log"
fuzz_seconds="${BERTH_FUZZ_SECONDS:-10}"
pg_pid=
# The background pass is a subshell running Maven, then fuzz.sh and its Maven runs: end them all.
kill_tree() {
  local child
  for child in $(pgrep -P "$1"); do kill_tree "$child"; done
  kill -TERM "$1" 2>/dev/null || true
}
cleanup() {
  if [ -n "$pg_pid" ]; then
    kill_tree "$pg_pid"
    wait "$pg_pid" 2>/dev/null || true
  fi
  pg_admin "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" || true
}
trap cleanup EXIT
rm -rf "$pg_copy"
mkdir -p "$pg_copy"
tar -C "$top" --exclude=./.git --exclude=target -cf - . | tar -C "$pg_copy" -xf -
(
  cd "$pg_copy"
  pg_rc=0
  mvn -B verify -pl provider-ecs,cli -am \
    -Dberth.it.pg="${pg_base%/*}/$pg_db" "$@" >"$pg_log" 2>&1 || pg_rc=$?
  fuzz_rc=0
  if [ "$fuzz_seconds" != 0 ]; then scripts/fuzz.sh "$fuzz_seconds" >"$fuzz_log" 2>&1 || fuzz_rc=$?; fi
  # Both results in one exit status: 1 the unit tests or PostgreSQL pass failed, 2 the fuzzing.
  exit $(( (pg_rc != 0) + 2 * (fuzz_rc != 0) ))
) &
pg_pid=$!
rc=0
mvn -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false "$@" || rc=$?
bg_rc=0
wait "$pg_pid" || bg_rc=$?
pg_pid=
# Anything above 3 is the stream killed by a signal: count both as failed.
if (( bg_rc > 3 )); then bg_rc=3; fi
pg_rc=$(( bg_rc & 1 )) fuzz_rc=$(( bg_rc >> 1 ))
echo "=== The unit tests and the PostgreSQL pass (log: $pg_log) ==="
cat "$pg_log"
if [ "$fuzz_seconds" != 0 ]; then
  echo "=== The fuzzing pass, ${fuzz_seconds}s per target (log: $fuzz_log) ==="
  cat "$fuzz_log"
fi
if [ "$rc" != 0 ] || [ "$pg_rc" != 0 ] || [ "$fuzz_rc" != 0 ]; then
  echo "Tests failed: SQLite pass exit $rc; failed (1) or not (0): unit tests and PostgreSQL pass $pg_rc, fuzzing $fuzz_rc." >&2
  exit 1
fi
