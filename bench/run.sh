#!/usr/bin/env bash
# Benchmarks topoc on a large generated topology (bench/gen_topology.py):
# median wall time of `topoc check`, `topoc build -o DIR` and `cp -r` of the
# tree build writes (what writing the same bytes costs at least), the ratio
# build / cp, and the peak memory of check and build. See bench/README.md.
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

# build and cp both write a fresh directory each run, so they do the same work on disk.
hyperfine --style basic --warmup 2 --runs "$runs" --export-json "$work/times.json" \
  --prepare 'true' --prepare "rm -rf '$work/built'" --prepare "rm -rf '$work/copied'" \
  -n check "'$topoc' check '$topology'" \
  -n build "'$topoc' build '$topology' -o '$work/built'" \
  -n cp "cp -r '$work/reference' '$work/copied'"

peak_kib() {  # peak resident set of a command, in KiB
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
}
rm -rf "$work/built"
check_rss=$(peak_kib "$topoc" check "$topology")
build_rss=$(peak_kib "$topoc" build "$topology" -o "$work/built")

python3 - "$work/times.json" "$check_rss" "$build_rss" <<'EOF'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
median = {name: results[name]["median"] * 1000 for name in ("check", "build", "cp")}
# Mean user + system time: unlike wall time, it hardly moves when other
# processes compete for the CPU.
cpu = {name: (results[name]["user"] + results[name]["system"]) * 1000 for name in median}
rss = {"check": int(sys.argv[2]) / 1024, "build": int(sys.argv[3]) / 1024}
print()
print(f"{'':8}{'median wall':>14}{'mean CPU':>12}{'peak RSS':>12}")
for name, label in (("check", "check"), ("build", "build"), ("cp", "cp -r")):
    peak = f"{rss[name]:>8.1f} MiB" if name in rss else ""
    print(f"{label:8}{median[name]:>11.1f} ms{cpu[name]:>9.1f} ms{peak}")
print(f"build / cp -r = {median['build'] / median['cp']:.1f} (wall), "
      f"{cpu['build'] / cpu['cp']:.1f} (CPU)")
EOF
