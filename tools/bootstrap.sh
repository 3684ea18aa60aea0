#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build topoc, then builds it
# (Release, build/). Safe to re-run: apt-get skips what is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  build-essential cmake git ca-certificates \
  tao-pegtl-dev nlohmann-json3-dev libfmt-dev libcli11-dev nettle-dev googletest libgtest-dev >/dev/null
cmake --preset default >/dev/null
cmake --build --preset default
