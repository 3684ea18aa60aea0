#!/usr/bin/env bash
# Shows that `topoc check` and `topoc build` grow linearly along each axis a
# topology can make large (bench/gen_scaling.py): the median wall time at N
# and at 4N, and their ratio, about 4 when linear (16 when quadratic, 64 when
# cubic). Build is timed on the axes whose topology is clean; on the others
# check reports an error for every pair and nothing is built. Not a test:
# timings on a shared machine vary. See bench/README.md.
#
#   bench/scaling.sh                   every axis, Release build in build-bench/
#   bench/scaling.sh containers=5000   one axis, at N = 5000
#   TOPOC_BENCH_BUILD=dir TOPOC_BENCH_RUNS=5 bench/scaling.sh
#   TOPOC_BENCH_TOPOC=path/to/topoc bench/scaling.sh   time that binary, build nothing
set -euo pipefail
cd "$(dirname "$0")/.."

build=${TOPOC_BENCH_BUILD:-build-bench}
runs=${TOPOC_BENCH_RUNS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/topoc-scaling-XXXXXX")
trap 'rm -rf "$work"' EXIT

topoc=${TOPOC_BENCH_TOPOC:-}
if [ -z "$topoc" ]; then
  if ! { cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DTOPOC_BUILD_TESTS=OFF &&
         cmake --build "$build" -j2 --target topoc; } >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    exit 1
  fi
  topoc="$PWD/$build/topoc"
fi

python3 - "$topoc" "$work" "$runs" "$@" <<'PY'
import os, shutil, statistics, subprocess, sys, time
topoc, work, runs, picked = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
# N per axis: large enough that the time is the axis's, small enough that a
# quadratic path would still finish.
SIZES = {"regions-sharing-space": 1600, "regions": 2000, "boundaries": 2000, "tenants": 25000,
         "containers": 25000, "duplicate-containers": 25000, "alerts": 25000, "subnets": 25000,
         "overlapping-subnets": 25000}
def median_seconds(args):
    """The median wall time of `topoc ARGS`, or None when it fails."""
    times = []
    out = os.path.join(work, "out")
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        done = subprocess.run([topoc] + [a.replace("{out}", out) for a in args],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if args[0] == "build" and done.returncode != 0:
            return None
    return statistics.median(times)
def cells(pair):
    if None in pair:
        return f"{'-':>10}{'-':>10}{'-':>7}"
    return f"{pair[0]:>9.3f}s{pair[1]:>9.3f}s{pair[1] / pair[0]:>7.1f}"
print(f"{'':24}{'':>7}{'check':>27}{'build':>27}")
print(f"{'axis':24}{'N':>7}{'N':>10}{'4N':>10}{'ratio':>7}{'N':>10}{'4N':>10}{'ratio':>7}")
axes = [a.partition("=") for a in picked] or [(a, "", "") for a in SIZES]
for axis, _, given in axes:
    if axis not in SIZES:
        sys.exit(f"scaling: unknown axis `{axis}`; axes: {', '.join(SIZES)}")
    n = int(given) if given else SIZES[axis]
    check, build = [], []
    for size in (n, 4 * n):
        path = os.path.join(work, f"{axis}-{size}.topo")
        subprocess.run([sys.executable, "bench/gen_scaling.py", axis, str(size), "-o", path], check=True)
        # Errors are expected on the overlap axes (every pair is one); only time matters.
        check.append(median_seconds(["check", path]))
        build.append(median_seconds(["build", path, "-o", "{out}"]))
    print(f"{axis:24}{n:>7}{cells(check)}{cells(build)}")
PY
