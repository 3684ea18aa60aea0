#!/usr/bin/env bash
# Every SARIF log topoc writes in its tests is valid against the OASIS SARIF
# 2.1.0 schema: `check` on every example (valid and invalid), on several files
# at once, on a file that cannot be read and on standard input; `drift` on
# every scenario. Rules' helpUri anchors must be headings of docs/rules.md.
#   sarif-schema-test.sh TOPOC SOURCE_DIR
set -u
topoc=$1 src=$2
if [ ! -d "$src/tests/validate/node_modules/ajv-draft-04" ]; then
  echo "SKIPPED: validators not installed (run: npm ci --ignore-scripts --prefix tests/validate)"
  exit 77
fi
out=$(mktemp -d) && trap 'rm -rf "$out"' EXIT
cd "$src" || exit 2
n=0
for f in examples/*.topo examples/invalid/*.topo; do
  n=$((n + 1))
  "$topoc" check --format sarif "$f" > "$out/check-$n.sarif"
  [ $? -le 1 ] || { echo "topoc check failed on $f"; exit 1; }
done
"$topoc" check --format sarif examples/minimal.topo examples/invalid/m001-*.topo > "$out/several.sarif"
"$topoc" check --format sarif examples/minimal.topo does-not-exist.topo > "$out/unreadable.sarif"
[ $? -eq 2 ] || { echo "an unreadable file must exit 2"; exit 1; }
"$topoc" check --format sarif - < examples/minimal.topo > "$out/stdin.sarif"
"$topoc" check --format sarif --root / examples/minimal.topo > "$out/root.sarif"
for s in tests/drift/scenarios/*/scenario.json; do
  n=$((n + 1))
  args=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join([d["desired"]] + ["--state " + s for s in d["states"]]))' "$s")
  # shellcheck disable=SC2086
  "$topoc" drift $args --format sarif > "$out/drift-$n.sarif"
done
# The checker itself must fail on a log the schema refuses (a result without
# its message) and on a helpUri that names no heading.
python3 - "$out/check-1.sarif" "$out/bad" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
broken = json.loads(json.dumps(log))
broken["runs"][0]["results"] = [{"ruleId": "P001"}]
json.dump(broken, open(sys.argv[2] + "-schema.json", "w"))
anchor = json.loads(json.dumps(log))
anchor["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "https://example.test/rules.md#P001"
json.dump(anchor, open(sys.argv[2] + "-anchor.json", "w"))
PY
for bad in "$out/bad-schema.json" "$out/bad-anchor.json"; do
  if node "$src/tests/validate/sarifcheck.mjs" --rules-doc "$src/docs/rules.md" "$bad" > "$out/bad.log"; then
    echo "sarifcheck.mjs accepted $bad:"; cat "$out/bad.log"; exit 1
  fi
done
exec node "$src/tests/validate/sarifcheck.mjs" --rules-doc "$src/docs/rules.md" "$out"/*.sarif
