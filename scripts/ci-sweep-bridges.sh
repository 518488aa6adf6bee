#!/usr/bin/env bash
# CI only, before any test: deletes the Linux bridges that earlier runs' Docker engines left
# behind. A dockerd keeps its networks' bridges when it stops; one killed with its data root
# deleted (a private engine of a test JVM that died) leaves them for good, and each holds a subnet
# that no engine on the machine can assign again: after about 30, creating a network fails with
# "could not find an available, non-overlapping IPv4 address pool". A bridge is deleted only when
# it is named as Docker names them (br-<network id>), has nothing attached, and is no network of
# the running shared engine. Run it while no other engine of this machine's tests runs.
set -euo pipefail

if [ "$(id -u)" != 0 ] || ! docker info >/dev/null 2>&1; then exit 0; fi
known=" $(docker network ls -q --no-trunc | cut -c1-12 | sed 's/^/br-/' | tr '\n' ' ') "
swept=0
for path in /sys/class/net/br-*; do
  [ -e "$path" ] || continue
  name="${path##*/}"
  case "$known" in *" $name "*) continue ;; esac
  if [ -n "$(ls -A "$path/brif" 2>/dev/null)" ]; then continue; fi
  ip link delete "$name" && swept=$((swept + 1))
done
if [ "$swept" != 0 ]; then echo "Deleted $swept bridges left by earlier runs' Docker engines." >&2; fi
