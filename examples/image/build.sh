#!/usr/bin/env bash
# Builds berth-example/busybox:latest from Debian's static busybox (FROM scratch, no registry).
# Where a registry is reachable and the static binary is not to be had, pulling busybox is the
# fallback. Does nothing when the image already exists.
set -euo pipefail
image=berth-example/busybox:latest
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if docker image inspect "$image" >/dev/null 2>&1; then
  exit 0
fi

static_busybox() {
  for candidate in /bin/busybox /usr/bin/busybox; do
    if [ -x "$candidate" ] && ldd "$candidate" 2>&1 | grep -q 'not a dynamic executable'; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

bin=$(static_busybox || true)
if [ -z "$bin" ] && [ "$(id -u)" = 0 ]; then
  apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null || true
  bin=$(static_busybox || true)
fi

if [ -n "$bin" ]; then
  ctx=$(mktemp -d)
  trap 'rm -rf "$ctx"' EXIT
  cp "$here/Dockerfile" "$ctx/Dockerfile"
  cp "$bin" "$ctx/busybox"
  DOCKER_BUILDKIT=0 docker build -q -t "$image" "$ctx" >/dev/null
elif docker pull busybox:latest >/dev/null 2>&1; then
  docker tag busybox:latest "$image"
else
  echo "Cannot build $image: no static busybox here (install Debian's busybox-static) and no registry to pull busybox from." >&2
  exit 1
fi
echo "Built $image" >&2
