#!/usr/bin/env bash
# The HTML residency report of every example in a real browser: headless
# Chromium loads each page (no network: the page's Content-Security-Policy
# forbids fetches, and a refused fetch is a console error), and the test
# fails on any console message (errors, uncaught exceptions, CSP refusals),
# when the page's script did not run to its end, or when a map's marker
# count differs from the placements the JSON report lists. Each page and
# its screenshot are kept as artifacts in OUT_DIR.
#   residency_browser_test.sh TOPOC SOURCE_DIR OUT_DIR
set -u
topoc=$1 src=$2 out=$3
chromium=$(command -v chromium || command -v chromium-browser) || {
  echo "SKIPPED: chromium not found (Debian: apt-get install chromium)"
  exit 77
}
mkdir -p "$out" || exit 1
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
# A profile of its own, so that runs do not share state or fight over a lock.
browser() {
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 "$@"
}
cd "$src" || exit 2
failed=0 pages=0
for example in examples/*.topo; do
  name=$(basename "$example" .topo)
  html="$out/$name.html" json="$work/$name.json"
  "$topoc" residency "$example" --format html -o "$html" || { echo "FAIL $name: topoc residency --format html"; failed=1; continue; }
  "$topoc" residency "$example" --format json > "$json" || { echo "FAIL $name: topoc residency --format json"; failed=1; continue; }
  browser --dump-dom "file://$html" > "$work/$name.dom" 2> "$work/$name.log"
  if grep -q ":CONSOLE" "$work/$name.log"; then
    echo "FAIL $name: the page logged to the console:"; grep ":CONSOLE" "$work/$name.log"; failed=1
  fi
  # The script marks the body when it ran to its end, and writes each map's
  # marker count on its figure; both are read back from the live DOM.
  if ! grep -q '<body data-ready="true">' "$work/$name.dom"; then
    echo "FAIL $name: the page's script did not run to its end"; failed=1
  fi
  python3 - "$json" "$work/$name.dom" "$name" <<'PY' || failed=1
import html, json, re, sys
report = json.load(open(sys.argv[1]))
dom = open(sys.argv[2], encoding="utf-8").read()
name = sys.argv[3]
figures = {html.unescape(m.group(1)): m.group(2) for m in re.finditer(r'<figure data-boundary="([^"]*)" data-markers="([0-9]+)">', dom)}
ok = True
if len(figures) != len(report["boundaries"]):
    print(f"FAIL {name}: {len(figures)} maps in the DOM, {len(report['boundaries'])} boundaries in the report")
    ok = False
for b in report["boundaries"]:
    want = sum(len(k["locations"]) for k in b["placements"])
    got = figures.get(b["name"])
    if got is None or int(got) != want:
        print(f"FAIL {name}: boundary {b['name']}: {got} markers on the map, {want} placements in the report")
        ok = False
    for k in b["placements"]:
        for loc in k["locations"]:
            marker = f'data-kind="{k["kind"]}" data-location="{loc["location"]}"'
            if marker not in dom:
                print(f"FAIL {name}: no marker {marker}")
                ok = False
if ok:
    print(f"ok {name}: " + ", ".join(f"{b}={n}" for b, n in figures.items()) + " markers")
sys.exit(0 if ok else 1)
PY
  browser --screenshot="$out/$name.png" --window-size=1280,2200 --hide-scrollbars "file://$html" \
    > /dev/null 2> "$work/$name.shot.log"
  if [ ! -s "$out/$name.png" ] || [ "$(head -c 8 "$out/$name.png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
    echo "FAIL $name: no PNG screenshot"; failed=1
  fi
  pages=$((pages + 1))
done
[ "$pages" -gt 0 ] || { echo "FAIL: no example rendered"; exit 1; }
echo "screenshots and pages in $out"
exit $failed
