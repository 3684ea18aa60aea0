#!/usr/bin/env bash
# Benchmarks topoc on a large generated topology (bench/gen_topology.py):
# median wall time of `topoc check`, `topoc build -o DIR`, `cp -r` of the
# tree build writes (what writing the same bytes costs at least) and
# `cp -r && sync -f` (the same, made durable, as build's rename-into-place
# is), in one interleaved hyperfine run; the ratios build / `cp -r && sync -f`
# and check / `cp -r`; and the peak memory of check and build. See
# bench/README.md.
#
#   bench/run.sh                 Release build in build-bench/, 10 runs each
#   TOPOC_BENCH_BUILD=dir TOPOC_BENCH_RUNS=20 bench/run.sh
#   bench/run.sh --tenants 1000  extra arguments go to gen_topology.py
set -euo pipefail
cd "$(dirname "$0")/.."

build=${TOPOC_BENCH_BUILD:-build-bench}
runs=${TOPOC_BENCH_RUNS:-10}
for tool in hyperfine python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: \`$tool\` is needed" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/topoc-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

# The compiler's chatter goes to a log, shown only if the build fails.
if ! { cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DTOPOC_BUILD_TESTS=OFF &&
       cmake --build "$build" -j2 --target topoc; } >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  exit 1
fi
topoc="$PWD/$build/topoc"
topology="$work/bench.topo"
python3 bench/gen_topology.py --topoc "$topoc" -o "$topology" "$@"

# The benchmark means nothing unless the topology is clean and builds.
"$topoc" check "$topology"
"$topoc" build "$topology" -o "$work/reference" >/dev/null
files=$(find "$work/reference" -type f | wc -l)
bytes=$(du -sb "$work/reference" | cut -f1)
echo "topology: $(wc -l <"$topology") lines, $(du -h "$topology" | cut -f1); output: $files files, $bytes bytes"

# build and the copies each write a fresh directory every run, so they do the
# same work on disk. Interleaved: each round runs the four commands once, one
# after the other, so a burst of load from other processes falls on all of
# them rather than on one command's whole series. The first rounds warm the
# caches and are not kept. Before each command (untimed) the trees are
# removed and everything is synced, so no command pays for the writeback of
# what the one before it wrote or removed: `sync -f` and build's own sync
# flush the whole file system, the other command's data with theirs.
warmup=2
for round in $(seq 1 $((warmup + runs))); do
  hyperfine --style none --runs 1 --export-json "$work/round-$round.json" \
    --prepare "rm -rf '$work/built' '$work/copied' '$work/synced'; sync" \
    -n check "'$topoc' check '$topology'" \
    -n build "'$topoc' build '$topology' -o '$work/built'" \
    -n cp "cp -r '$work/reference' '$work/copied'" \
    -n cp_sync "cp -r '$work/reference' '$work/synced' && sync -f '$work/synced'" \
    2>/dev/null
done

peak_kib() {  # peak resident set of a command, in KiB
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
}
rm -rf "$work/built"
check_rss=$(peak_kib "$topoc" check "$topology")
build_rss=$(peak_kib "$topoc" build "$topology" -o "$work/built")

python3 - "$work" "$warmup" "$runs" "$check_rss" "$build_rss" <<'EOF'
import json, statistics, sys
work, warmup, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
wall, cpu_times = {}, {}
for n in range(warmup + 1, warmup + runs + 1):
    for r in json.load(open(f"{work}/round-{n}.json"))["results"]:
        wall.setdefault(r["command"], []).append(r["times"][0] * 1000)
        cpu_times.setdefault(r["command"], []).append((r["user"] + r["system"]) * 1000)
median = {name: statistics.median(wall[name]) for name in ("check", "build", "cp", "cp_sync")}
# Mean user + system time: unlike wall time, it hardly moves when other
# processes compete for the CPU.
cpu = {name: statistics.mean(cpu_times[name]) for name in median}
rss = {"check": int(sys.argv[4]) / 1024, "build": int(sys.argv[5]) / 1024}
print()
print(f"{'':20}{'median wall':>14}{'mean CPU':>12}{'peak RSS':>12}")
for name, label in (("check", "check"), ("build", "build"), ("cp", "cp -r"),
                    ("cp_sync", "cp -r && sync -f")):
    peak = f"{rss[name]:>8.1f} MiB" if name in rss else ""
    print(f"{label:20}{median[name]:>11.1f} ms{cpu[name]:>9.1f} ms{peak}")
# The targets: build at most twice a durable copy, check at most one copy.
print(f"build / (cp -r && sync -f) = {median['build'] / median['cp_sync']:.2f} (wall; target <= 2)")
print(f"check / cp -r              = {median['check'] / median['cp']:.2f} (wall; target <= 1)")
EOF
