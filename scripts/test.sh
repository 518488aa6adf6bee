#!/usr/bin/env bash
# The README's second command: make sure the Docker engine and the example image exist, then run
# every test, the Docker-backed ones included. Extra arguments go to Maven.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"

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
# The Docker-backed tests run once on each store: the chosen ones again with the control plane in
# PostgreSQL (cli/pom.xml, profile it-postgres), in a database made for this run and dropped after it.
pg_base="${BERTH_TEST_PG:-postgres://berth@127.0.0.1:55432/berth}"
pg_db="berth_it_$$_$(date +%s)"
pg_admin() { psql "${pg_base%/*}/postgres" -qtAc "$1" >/dev/null; }
pg_admin "CREATE DATABASE $pg_db"
trap 'pg_admin "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" || true' EXIT
mvn -B verify -Dberth.it.pg="${pg_base%/*}/$pg_db" "$@"
# A short coverage-guided fuzzing pass over every hostile-input target (scripts/fuzz.sh; the
# regression inputs already ran in verify). BERTH_FUZZ_SECONDS=0 leaves it out.
fuzz_seconds="${BERTH_FUZZ_SECONDS:-10}"
if [ "$fuzz_seconds" != 0 ]; then scripts/fuzz.sh "$fuzz_seconds"; fi
