#!/usr/bin/env bash
# Builds the libFuzzer targets in the sanitizer tree (build-sanitize/, the
# `sanitize` preset: clang, ASan + UBSan; `tests/run.sh --sanitize` has built
# them already) and fuzzes each for a bounded time, two at a time on two cores:
#   fuzz_check  the front end (parser, model, rules), seeded with the examples;
#   fuzz_state  drift's state and manifest readers, seeded with the fixtures of
#               every input format (tests/drift/fixtures/formats);
#   fuzz_emit   check, then the Terraform and Bicep emitters in memory, every
#               file balanced; seeded with the examples that check cleanly.
#   fuzz_fmt    `topoc fmt`: idempotent and meaning-preserving on whatever
#               parses; starts from the front end's corpus (every input found
#               so far is checked first), the examples and tests/fuzz/fmt-seeds.
#   tests/fuzz/run.sh [seconds]    per target, default 60
# New inputs the fuzzer finds go to build-sanitize/fuzz/<target>-corpus (kept
# between runs), crashes to build-sanitize/fuzz/artifacts. Exits non-zero when
# a fuzzer finds a crash, leak, timeout or sanitizer report; the reproducer's
# path is in the output.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"

cmake --preset sanitize >/dev/null
cmake --build --preset fuzz  # fuzz_check fuzz_state fuzz_emit fuzz_fmt

work=build-sanitize/fuzz
artifacts=$work/artifacts/
mkdir -p $work/check-corpus $work/check-seeds $work/state-corpus \
  $work/emit-corpus $work/emit-seeds $work/fmt-corpus $work/fmt-seeds "$artifacts"
# Seeds are the examples up to 16 KiB. A larger one is there for its size:
# examples/invalid/n008-mesh-past-peering-limit.topo is 502 regions in one
# mesh, and any mutation that drops one of them is a valid estate of 125,250
# peerings, which takes `check` more than 10 s under the sanitizers and
# would stop the run on the timeout below. The fuzzers look for wrong
# behaviour on odd input; bench/ measures size.
seed() {  # destination files...
  local f
  for f in "${@:2}"; do
    if [ "$(stat -c %s "$f")" -le 16384 ]; then cp "$f" "$1/"; fi
  done
}
seed $work/check-seeds examples/*.topo examples/invalid/*.topo
seed $work/emit-seeds examples/*.topo
seed $work/fmt-seeds examples/*.topo examples/invalid/*.topo tests/fuzz/fmt-seeds/*.topo

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
# Two targets at a time where there are two cores (each fuzzer is one process
# on one core; -max_total_time is wall-clock time); fuzz_fmt replays
# fuzz_check's corpus, so it runs in the second pair. Each target's output is
# printed when its pair ends.
jobs=1
if [ "$(nproc)" -ge 2 ]; then jobs=2; fi
fuzz() {  # target corpus seeds...
  echo "== $1: ${seconds}s"
  "build-sanitize/tests/fuzz/$1" "${@:2}" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts" -print_final_stats=1
}
status=0
pair() {  # "target corpus seeds..." "target corpus seeds..."
  if [ "$jobs" -ge 2 ]; then
    local a b
    # shellcheck disable=SC2086
    fuzz $1 > "$work/${1%% *}.log" 2>&1 & a=$!
    # shellcheck disable=SC2086
    fuzz $2 > "$work/${2%% *}.log" 2>&1 & b=$!
    wait "$a" || status=1
    wait "$b" || status=1
    cat "$work/${1%% *}.log" "$work/${2%% *}.log"
  else
    # shellcheck disable=SC2086
    fuzz $1 || status=1
    # shellcheck disable=SC2086
    fuzz $2 || status=1
  fi
}
pair "fuzz_check $work/check-corpus $work/check-seeds" \
  "fuzz_state $work/state-corpus tests/drift/fixtures/formats"
pair "fuzz_emit $work/emit-corpus $work/emit-seeds" \
  "fuzz_fmt $work/fmt-corpus $work/check-corpus $work/fmt-seeds"
exit $status
