#!/usr/bin/env bash
# Makes sure the AWS CLI (`aws`) is installed: the tests of `berth server` run the real one
# against it. As root on a machine without it, installs Debian's awscli package; otherwise says
# what to install. Any version works (v1 or v2): the tests pass --endpoint-url and set dummy
# credentials and a region in the child's environment only. Idempotent.
set -euo pipefail

if command -v aws >/dev/null 2>&1 && aws --version >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "The AWS CLI (aws) is not installed; the berth server tests need it." >&2
  echo "Install it (Debian: 'sudo apt-get install awscli'), then run this again." >&2
  exit 1
fi

echo "Installing Debian's awscli ..." >&2
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq awscli >/dev/null
aws --version >&2
