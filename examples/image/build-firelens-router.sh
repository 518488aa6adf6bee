#!/usr/bin/env bash
# Builds berth/firelens-router:latest, berth's stand-in for a FireLens log router (Fluent Bit), from
# firelens-router/router.c: a static C program (gcc and Debian's libc6-dev static libraries only) in an
# image FROM scratch. It reads the Fluent Bit configuration berth writes, takes the forward protocol on
# the router's socket and honours the stdout, file and null outputs; it is not Fluent Bit. Does
# nothing when the image exists, unless --fresh is given (then it builds from nothing, as build.sh does).
set -euo pipefail
image=berth/firelens-router:latest
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fresh=false
[ "${1:-}" = --fresh ] && fresh=true

if ! $fresh && docker image inspect "$image" >/dev/null 2>&1; then
  exit 0
fi
if ! command -v gcc >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc libc6-dev >/dev/null
fi
command -v gcc >/dev/null 2>&1 || { echo "Cannot build $image: gcc is missing (install Debian's gcc and libc6-dev)." >&2; exit 1; }

ctx=$(mktemp -d)
scratch_tag="berth/firelens-router:build-$$"
trap 'rm -rf "$ctx"; docker rmi -f "$scratch_tag" >/dev/null 2>&1 || true' EXIT
gcc -static -O2 -Wall -o "$ctx/fluent-bit" "$here/firelens-router/router.c"
cp "$here/firelens-router/Dockerfile" "$ctx/Dockerfile"
DOCKER_BUILDKIT=0 docker build --network none --no-cache -q -t "$scratch_tag" "$ctx" >/dev/null
old=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
docker tag "$scratch_tag" "$image"
[ -n "$old" ] && [ "$old" != "$(docker image inspect -f '{{.Id}}' "$image")" ] && docker rmi "$old" >/dev/null 2>&1 || true
echo "Built $image (berth's stand-in FireLens router)" >&2
