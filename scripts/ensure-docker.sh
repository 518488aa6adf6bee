#!/usr/bin/env bash
# Makes sure a Docker engine answers. As root on a machine without one, installs Debian's
# docker.io and starts dockerd with published ports defaulting to 127.0.0.1; otherwise says what
# to install. Idempotent: does nothing when an engine already answers.
set -euo pipefail

if docker info >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "No Docker engine answers at ${DOCKER_HOST:-unix:///var/run/docker.sock}." >&2
  echo "Install and start Docker (Debian: 'sudo apt-get install docker.io && sudo systemctl start docker'), then run this again." >&2
  exit 1
fi

if ! command -v dockerd >/dev/null 2>&1; then
  echo "Installing Debian's docker.io ..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
fi

log=/var/log/berth-dockerd.log
echo "Starting dockerd (log: $log) ..." >&2
# Descriptors beyond the standard three are closed: run as `flock /tmp/berth-docker.lock
# scripts/ensure-docker.sh`, dockerd would otherwise inherit the lock and hold it for good.
nohup dockerd --ip 127.0.0.1 >"$log" 2>&1 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    exit 0
  fi
  sleep 0.5
done
echo "dockerd did not answer within 30 seconds; see $log:" >&2
tail -n 20 "$log" >&2
exit 1
