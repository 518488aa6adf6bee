#!/usr/bin/env bash
# The README's second command: make sure the Docker engine and the example image exist, then run
# every test, the Docker-backed ones included. Extra arguments go to Maven.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"

scripts/ensure-docker.sh
examples/image/build.sh
exec mvn -B verify "$@"
