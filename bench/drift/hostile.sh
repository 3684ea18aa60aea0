#!/usr/bin/env bash
# Peak memory and time of `topoc drift` on inputs built to exhaust it:
#   bench/drift/hostile.sh [TOPOC]          default: build/topoc
# 200 MB of white space in a file, one 1 GB string in a file, the same
# string through a pipe, and `yes ' '` through a pipe. Each must end with
# one error line (exit 1) and a peak resident set under 64 MiB.
set -euo pipefail
cd "$(dirname "$0")/../.."
topoc="${1:-build/topoc}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
manifest=tests/drift/fixtures/rag-platform.manifest.json

head -c 200000000 /dev/zero | tr '\0' ' ' >"$work/blank.json"
{ printf '{"format_version": "1.0", "values": "'; head -c 1000000000 /dev/zero | tr '\0' 'x'
  printf '"}'; } >"$work/string.json"

measure() {  # NAME COMMAND...
  local name="$1"; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" && rc=0 || rc=$?
  # GNU time puts "Command exited with non-zero status" first.
  read -r seconds user sys kib < <(tail -n 1 "$work/time")
  printf '%-20s exit %s  %6.2f s wall  %5.2f s CPU  peak %5.1f MiB  %s\n' "$name" "$rc" "$seconds" \
    "$(awk "BEGIN {print $user + $sys}")" "$(awk "BEGIN {print $kib / 1024}")" "$(grep -o 'error: .*' "$work/err" | cut -c1-100)"
}

measure "200 MB white space" "$topoc" drift "$manifest" --state "$work/blank.json"
measure "1 GB string (file)" "$topoc" drift "$manifest" --state "$work/string.json"
measure "1 GB string (pipe)" bash -c "cat '$work/string.json' | '$topoc' drift '$manifest' --state /dev/stdin"
measure "yes ' ' (pipe)" bash -c "yes ' ' | '$topoc' drift '$manifest' --state /dev/stdin"
