#!/usr/bin/env bash
# Starts (or stops) a second Docker engine on this machine, as a second container instance for
# the two-engine tests. Idempotent: "start" returns at once when it already answers.
#   scripts/second-dockerd.sh start|stop [SOCKET]
# It has its own data, exec root and pid file, no default bridge (docker0 cannot be relied on),
# publishes on 127.0.0.1 only, and gets the example image from the first engine.
set -euo pipefail
action="${1:-start}"
sock="${2:-/tmp/berth-it-dockerd2.sock}"
base="/tmp/berth-it-dockerd2"
image="berth-example/busybox:latest"
pidfile="$base/dockerd.pid"
d2() { docker -H "unix://$sock" "$@"; }

case "$action" in
  start)
    if d2 info >/dev/null 2>&1; then exit 0; fi
    if [ "$(id -u)" != 0 ]; then echo "second-dockerd: starting a Docker engine needs root" >&2; exit 1; fi
    command -v dockerd >/dev/null || { echo "second-dockerd: dockerd is not installed" >&2; exit 1; }
    mkdir -p "$base/data" "$base/exec"
    rm -f "$sock"
    nohup dockerd --data-root "$base/data" --exec-root "$base/exec" --pidfile "$pidfile" \
      -H "unix://$sock" --bridge=none --ip 127.0.0.1 >"$base/dockerd.log" 2>&1 &
    for _ in $(seq 1 60); do
      if d2 info >/dev/null 2>&1; then break; fi
      sleep 0.5
    done
    if ! d2 info >/dev/null 2>&1; then
      echo "second-dockerd: the engine did not answer on $sock; last lines of its log:" >&2
      tail -n 20 "$base/dockerd.log" >&2 || true
      exit 1
    fi
    if ! d2 image inspect "$image" >/dev/null 2>&1; then
      docker save "$image" | d2 load >/dev/null
    fi
    # The sidecar image of ECS's task metadata endpoint (examples/image/build.sh tags it).
    if ! d2 image inspect berth/metadata:latest >/dev/null 2>&1 && docker image inspect berth/metadata:latest >/dev/null 2>&1; then
      docker save berth/metadata:latest | d2 load >/dev/null
    fi
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      pid="$(cat "$pidfile")"
      # Only the engine on this socket: a stale pid file must never stop another process that
      # has since taken the number (the machine's own dockerd among them).
      if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "unix://$sock"; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      fi
    fi
    rm -f "$sock"
    ;;
  *) echo "usage: $0 start|stop [SOCKET]" >&2; exit 2 ;;
esac
