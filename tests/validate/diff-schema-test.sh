#!/usr/bin/env bash
# Every `topoc diff --format json` report validates against
# docs/diff.schema.json: the goldens' pairs (tests/diff/), each example
# against itself (no change), and both directions of each pair. The checker
# must refuse a report the schema does not describe.
#   diff-schema-test.sh TOPOC SOURCE_DIR
set -u
topoc=$1 src=$2
if [ ! -d "$src/tests/validate/node_modules/ajv" ]; then
  echo "SKIPPED: validators not installed (run: npm ci --ignore-scripts --prefix tests/validate)"
  exit 77
fi
out=$(mktemp -d) && trap 'rm -rf "$out"' EXIT
cd "$src" || exit 2
n=0
for f in tests/diff/*.topo; do
  example="examples/$(basename "$f" .topo | sed 's/--.*//').topo"
  for pair in "$example $f" "$f $example" "$example $example"; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    "$topoc" diff $pair --format json > "$out/diff-$n.json"
    code=$?
    [ $code -eq 0 ] || [ $code -eq 2 ] || { echo "topoc diff $pair exited $code"; exit 1; }
  done
done
python3 - "$out/diff-1.json" "$out/bad.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
report["residency"]["tenants"].append({"name": "x", "status": "teleported"})
json.dump(report, open(sys.argv[2], "w"))
PY
if node "$src/tests/validate/diffcheck.mjs" "$src/docs/diff.schema.json" "$out/bad.json" > "$out/bad.log"; then
  echo "diffcheck.mjs accepted a report the schema refuses:"; cat "$out/bad.log"; exit 1
fi
exec node "$src/tests/validate/diffcheck.mjs" "$src/docs/diff.schema.json" "$out"/diff-*.json
