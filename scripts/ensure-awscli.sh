#!/usr/bin/env bash
# Makes sure Debian's AWS CLI v2 is at /usr/bin/aws: the tests of `berth server` run the real
# CLI against it, and EcsServerParityIT compares its output byte for byte, which only one major
# version can match. Another `aws` earlier on PATH (pip's v1, a pyenv shim) does not count, as
# that test runs /usr/bin/aws itself. As root on a machine without it, installs Debian's awscli
# package; otherwise says what to install. The tests pass --endpoint-url and set dummy
# credentials and a region in the child's environment only. Idempotent.
set -euo pipefail

if [ -x /usr/bin/aws ] && /usr/bin/aws --version 2>&1 | grep -q '^aws-cli/2\.'; then
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "Debian's AWS CLI v2 is not at /usr/bin/aws; the berth server tests need it." >&2
  echo "Install it (Debian: 'sudo apt-get install awscli'), then run this again." >&2
  exit 1
fi

echo "Installing Debian's awscli ..." >&2
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq awscli >/dev/null
/usr/bin/aws --version >&2
