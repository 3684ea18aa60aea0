#!/usr/bin/env bash
# Builds the libFuzzer target with the `fuzz` preset (clang, ASan + UBSan) and
# fuzzes the front end for a bounded time.
#   tests/fuzz/run.sh [seconds]    default 60
# The seed corpus is every example; new inputs the fuzzer finds go to
# build-fuzz/corpus (kept between runs), crashes to build-fuzz/artifacts.
# Exits non-zero when the fuzzer finds a crash, leak, timeout or sanitizer
# report; the reproducer's path is in the output.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_check

corpus=build-fuzz/corpus
seeds=build-fuzz/seeds
artifacts=build-fuzz/artifacts/
mkdir -p "$corpus" "$seeds" "$artifacts"
cp examples/*.topo examples/invalid/*.topo "$seeds"/

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
build-fuzz/tests/fuzz/fuzz_check "$corpus" "$seeds" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$artifacts" -print_final_stats=1
