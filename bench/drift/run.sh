#!/usr/bin/env bash
# Benchmarks `topoc drift` on a generated 20,000-resource estate.
#   bench/drift/run.sh [TOPOC] [RESOURCES]    defaults: build/topoc, 20000
# Reports the state's size, hyperfine's median wall time (and mean user
# time), and the peak resident set from /usr/bin/time -v, against the
# targets: under 0.3 s, and peak memory under 1.5x the state's size.
set -euo pipefail
cd "$(dirname "$0")/../.."
topoc="${1:-build/topoc}"
resources="${2:-20000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 bench/drift/gen_state.py --resources "$resources" --out "$work" >/dev/null
state_bytes=$(stat -c %s "$work/show.json")
manifest_bytes=$(stat -c %s "$work/topoc.manifest.json")
cmd="$topoc drift $work/topoc.manifest.json --state $work/show.json --format json"

# The estate is deployed as desired: anything but exit 0 is a bug.
$cmd >/dev/null

hyperfine --warmup 1 --runs 10 --export-json "$work/hyperfine.json" -N "$cmd" >/dev/null
read -r median user < <(python3 -c "
import json, sys
r = json.load(open('$work/hyperfine.json'))['results'][0]
print(r['median'], r['user'])")
peak_kib=$(/usr/bin/time -v $cmd 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}')

python3 - "$resources" "$state_bytes" "$manifest_bytes" "$median" "$user" "$peak_kib" <<'PY'
import sys
resources, state, manifest, median, user, peak_kib = sys.argv[1:]
state, manifest, peak = int(state), int(manifest), int(peak_kib) * 1024
median, user = float(median), float(user)
ratio = peak / state
print(f"resources:        {resources}")
print(f"state:            {state / 2**20:.1f} MiB (show -json), manifest {manifest / 2**20:.1f} MiB")
print(f"median wall time: {median:.3f} s (user {user:.3f} s)  target < 0.3 s: {'ok' if median < 0.3 else 'MISSED'}")
print(f"peak RSS:         {peak / 2**20:.1f} MiB = {ratio:.2f}x the state  target < 1.5x: {'ok' if ratio < 1.5 else 'MISSED'}")
PY
