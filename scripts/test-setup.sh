#!/usr/bin/env bash
# Installs everything the tests need on a Debian machine (as root, or through sudo), then `npm ci`.
# With --run it goes on to `npm test`. This is what `npm run test:all` and CI (.ci/run) call.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(chromium postgresql qpdf poppler-utils fonts-noto-cjk)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "▶ installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "▶ npm ci"
npm ci --no-audit --no-fund

if [ "${1:-}" = "--run" ]; then
  echo "▶ npm test"
  npm test
fi
