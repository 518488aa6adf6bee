#!/usr/bin/env bash
# Builds berth-client, the small C program bin/berth hands everyday commands to (README, "The
# background berth"), beside the jar. Never fails the build: without a C compiler it says so and
# bin/berth runs every command in a JVM of its own, as before.
# Usage: scripts/berth-client.sh SOURCE OUTPUT
set -uo pipefail
src=${1:?usage: berth-client.sh SOURCE OUTPUT}
out=${2:?usage: berth-client.sh SOURCE OUTPUT}
rm -f "$out"
cc=${CC:-cc}
if ! command -v "$cc" > /dev/null; then
  echo "berth: no C compiler ($cc), so no berth-client; bin/berth runs each command in a JVM of its own."
  exit 0
fi
if ! "$cc" -O2 -Wall -o "$out.tmp" "$src"; then
  rm -f "$out.tmp"
  echo "berth: berth-client did not compile; bin/berth runs each command in a JVM of its own."
  exit 0
fi
mv "$out.tmp" "$out"
