#!/usr/bin/env bash
# Builds topoc and runs the whole test suite.
#   tests/run.sh             release build (build/)
#   tests/run.sh --sanitize  ASan + UBSan build (build-sanitize/)
# The validators of generated code (real HCL parser, azurerm schema, hclfmt,
# the Bicep CLI from NuGet) are installed into tests/validate/node_modules and build/validate on first
# use; tests that need a tool that is missing skip with a visible message.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=default
if [ "${1:-}" = "--sanitize" ]; then preset=sanitize; fi

if command -v npm >/dev/null 2>&1 && { [ ! -d tests/validate/node_modules/@cdktf/hcl2json ] ||
  [ ! -d tests/validate/node_modules/vscode-jsonrpc ] || [ ! -d tests/validate/node_modules/vscode-textmate ] ||
  [ ! -d tests/validate/node_modules/ajv ]; }; then
  npm ci --ignore-scripts --no-audit --no-fund --prefix tests/validate >/dev/null
fi
if command -v go >/dev/null 2>&1 && [ ! -x build/validate/hclfmt ]; then
  tests/validate/build-hclfmt.sh build/validate >/dev/null
fi

if command -v dotnet >/dev/null 2>&1 && [ ! -x build/bicep/packages/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep ]; then
  tests/validate/bicep/restore.sh build/bicep >/dev/null
fi

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
