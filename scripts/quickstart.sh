#!/usr/bin/env bash
# The README's first command: build berth, make sure a Docker engine and the example image exist,
# apply examples/web and show where the service answers.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"

echo "==> Building berth"
mvn -q -B -DskipTests package

echo "==> Checking the Docker engine"
scripts/ensure-docker.sh

echo "==> Building the example image"
examples/image/build.sh

echo "==> Applying examples/web"
bin/berth -chdir=examples/web apply -auto-approve

url=$(bin/berth -chdir=examples/web output -raw url)
echo
echo "==> The service answers at $url"
for _ in $(seq 1 20); do
  if body=$(curl -fsS --max-time 2 "$url" 2>/dev/null); then
    echo "$body"
    exit 0
  fi
  sleep 0.5
done
echo "The service did not answer at $url within 10 seconds." >&2
exit 1
