#!/usr/bin/env bash
# Every JSON residency report of the examples (whole, per boundary, per
# tenant) validates against docs/residency.schema.json; the checker must
# refuse a document that breaks the schema.
#   residency_schema_test.sh TOPOC SOURCE_DIR
set -u
topoc=$1 src=$2
command -v node >/dev/null || { echo "SKIPPED: node not found"; exit 77; }
if [ ! -d "$src/tests/validate/node_modules/ajv" ]; then
  echo "SKIPPED: ajv not installed (run: npm ci --ignore-scripts --prefix tests/validate)"
  exit 77
fi
out=$(mktemp -d) && trap 'rm -rf "$out"' EXIT
cd "$src" || exit 2
n=0
for f in examples/*.topo; do
  n=$((n + 1))
  "$topoc" residency --format json "$f" > "$out/all-$n.json" || { echo "topoc residency failed on $f"; exit 1; }
  for b in $(python3 -c 'import json,sys; print(" ".join(b["name"] for b in json.load(open(sys.argv[1]))["boundaries"]))' "$out/all-$n.json"); do
    "$topoc" residency --format json --boundary "$b" "$f" > "$out/boundary-$n-$b.json" || exit 1
  done
  for t in $(python3 -c 'import json,sys; print(" ".join(t["name"] for b in json.load(open(sys.argv[1]))["boundaries"] for t in b["tenants"]))' "$out/all-$n.json"); do
    "$topoc" residency --format json --tenant "$t" "$f" > "$out/tenant-$n-$t.json" || exit 1
  done
done
python3 - "$out/all-1.json" "$out/bad.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["boundaries"][0]["placements"] = [{"kind": "teleported", "title": "x", "locations": []}]
json.dump(doc, open(sys.argv[2], "w"))
PY
node "$src/tests/browser/residency_schema_check.mjs" "$src" "$out/bad.json" > "$out/bad.log" 2>&1
status=$?
if [ $status -ne 1 ] || ! grep -q "bad.json: invalid" "$out/bad.log"; then
  echo "the schema check did not refuse a broken document (exit $status):"; cat "$out/bad.log"; exit 1
fi
exec node "$src/tests/browser/residency_schema_check.mjs" "$src" "$out"/all-*.json "$out"/boundary-*.json "$out"/tenant-*.json
