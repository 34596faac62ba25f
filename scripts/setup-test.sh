#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine: the system Chromium that
# Playwright drives (Playwright never downloads browsers here), redis-server for the sync
# server's tests, and the npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then
  echo "Using Chromium at ${CHROMIUM_PATH}"
elif [ -x /usr/bin/chromium ]; then
  echo "Using Debian's Chromium at /usr/bin/chromium"
else
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing Debian's chromium (apt)…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

# The sync server's tests start their own redis-server on a loopback port (two instances
# relaying edits through Redis). Installed only when missing; nothing is started here.
if ! command -v redis-server >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing Debian's redis-server (apt)…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
fi

npm ci --no-audit --no-fund
