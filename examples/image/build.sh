#!/usr/bin/env bash
# Builds berth-example/busybox:latest from Debian's static busybox (FROM scratch, no registry).
# Where a registry is reachable and the static binary is not to be had, pulling busybox is the
# fallback. Does nothing when the image already exists, unless --fresh is given: then it builds
# from nothing (no layer cache, under a throwaway tag, retagged only once the build worked), so a
# broken build can never pass on a machine that still holds an older image. CI always uses it.
set -euo pipefail
image=berth-example/busybox:latest
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fresh=false
[ "${1:-}" = --fresh ] && fresh=true

# The stand-in FireLens log router (examples/firelens and the FireLens tests run it).
"$here/build-firelens-router.sh" "${1:-}"

# berth runs ECS's task metadata endpoint in a sidecar of this same busybox, under its own name.
metadata_image=berth/metadata:latest

if ! $fresh && docker image inspect "$image" >/dev/null 2>&1; then
  docker image inspect "$metadata_image" >/dev/null 2>&1 || docker tag "$image" "$metadata_image"
  exit 0
fi

# ldd exits 1 for a static binary, so its status is kept apart from the text it prints (a pipe
# into grep under pipefail would refuse exactly the binary we want).
is_static() {
  local out
  out=$(ldd "$1" 2>&1) || true
  case "$out" in
    *"not a dynamic executable"*|*"statically linked"*) return 0 ;;
    *) return 1 ;;
  esac
}

static_busybox() {
  for candidate in /bin/busybox /usr/bin/busybox; do
    if [ -x "$candidate" ] && is_static "$candidate"; then
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
  scratch_tag="berth-example/busybox:build-$$"
  trap 'rm -rf "$ctx"; docker rmi -f "$scratch_tag" >/dev/null 2>&1 || true' EXIT
  cp "$here/Dockerfile" "$ctx/Dockerfile"
  cp "$bin" "$ctx/busybox"
  # --network none: the build needs no network, and the default bridge docker0 may be gone.
  DOCKER_BUILDKIT=0 docker build --network none --no-cache -q -t "$scratch_tag" "$ctx" >/dev/null
  # The image must run before it is trusted: a busybox that cannot execute is no image at all.
  if [ "$(docker run --rm --network none "$scratch_tag" echo ok)" != ok ]; then
    echo "Built $scratch_tag, but it does not run 'echo ok'." >&2
    exit 1
  fi
  old=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
  docker tag "$scratch_tag" "$image"
  docker tag "$scratch_tag" "$metadata_image"
  # The image it replaced is left without a name; drop it unless a container still uses it.
  [ -n "$old" ] && docker rmi "$old" >/dev/null 2>&1 || true
elif docker pull busybox:latest >/dev/null 2>&1; then
  docker tag busybox:latest "$image"
  docker tag busybox:latest "$metadata_image"
else
  echo "Cannot build $image: no static busybox here (install Debian's busybox-static) and no registry to pull busybox from." >&2
  exit 1
fi
echo "Built $image from $bin" >&2
