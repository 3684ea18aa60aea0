#!/usr/bin/env bash
# Builds topoc and runs the whole test suite.
#   tests/run.sh             release build (build/)
#   tests/run.sh --sanitize  ASan + UBSan build (build-sanitize/)
set -euo pipefail
cd "$(dirname "$0")/.."
preset=default
if [ "${1:-}" = "--sanitize" ]; then preset=sanitize; fi
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
