#!/usr/bin/env bash
# Makes sure Debian's headless Chromium and its WebDriver (chromedriver) are installed: ConsoleIT
# drives berth server's web console in them. As root on a machine without them, installs the
# `chromium` and `chromium-driver` packages; otherwise says what to install. Idempotent.
set -euo pipefail

have() { [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1; }
if have && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "Chromium and chromedriver are not installed; the console test (ConsoleIT) needs them." >&2
  echo "Install them (Debian: 'sudo apt-get install chromium chromium-driver'), then run this again." >&2
  exit 1
fi

echo "Installing Debian's chromium and chromium-driver ..." >&2
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
chromedriver --version >&2
