#!/usr/bin/env bash
# Proves tfcheck.mjs can both pass and fail: runs it on every tree under
# fixtures/ and compares with the expected outcome.
#   fixtures/valid/                must pass (exit 0, no output)
#   fixtures/<other>/expected.txt  exact expected output (exit 1)
# plus the usage errors (exit 2) and --json. Given an hclfmt binary (from
# build-hclfmt.sh), also proves fmtcheck.sh passes fixtures/valid and fails on
# misformatted copies of it.
#   usage: selftest.sh [hclfmt]
# Needs `npm ci --ignore-scripts` in this directory first. Ends with
# "N passed, N failed"; exits 1 on any failure.
set -u
cd "$(dirname "$0")"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; shift; printf '       %s\n' "$@"; }

# expect NAME EXIT_CODE EXPECTED_STDOUT -- COMMAND...
expect() {
  local name=$1 want_rc=$2 want_out=$3
  shift 4
  local out rc
  out=$("$@" 2>/dev/null)
  rc=$?
  if [[ $rc -ne $want_rc ]]; then
    fail "$name" "exit $rc, expected $want_rc" "${out:-<no output>}"
  elif [[ "$out" != "$want_out" ]]; then
    fail "$name" "output differs:" "$(diff <(printf '%s\n' "$want_out") <(printf '%s\n' "$out"))"
  else
    pass "$name"
  fi
}

for dir in fixtures/*/; do
  dir=${dir%/}
  name=$(basename "$dir")
  if [[ $name == valid ]]; then
    expect "$name passes" 0 "" -- node tfcheck.mjs "$dir"
  elif [[ -f $dir/expected.txt ]]; then
    expect "$name fails as expected" 1 "$(cat "$dir/expected.txt")" -- node tfcheck.mjs "$dir"
  else
    fail "$name" "no expected.txt"
  fi
done

expect "usage: no directory" 2 "" -- node tfcheck.mjs
expect "usage: missing directory" 2 "" -- node tfcheck.mjs fixtures/does-not-exist
expect "usage: unknown option" 2 "" -- node tfcheck.mjs --frobnicate fixtures/valid
expect "usage: no .tf files" 2 "" -- node tfcheck.mjs lib

json=$(node tfcheck.mjs --json fixtures/repeated-identity)
if node -e '
  const r = JSON.parse(process.argv[1]);
  const ok = r.ok === false && r.files === 1 && r.problems.length === 1 && r.problems[0].line === 16
    && /identity/.test(r.problems[0].message);
  process.exit(ok ? 0 : 1);' "$json"; then
  pass "--json reports the problem with its line"
else
  fail "--json reports the problem with its line" "$json"
fi

if [[ $# -ge 1 ]]; then
  hclfmt=$(realpath "$1")
  expect "fmtcheck: valid is formatted" 0 "" -- ./fmtcheck.sh "$hclfmt" fixtures/valid
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  # one misformatting per copy: unaligned "=", and an interpolation-only value
  # that only terraform fmt (not hclfmt) rewrites
  cp -r fixtures/valid "$scratch/unaligned"
  sed -i 's/^  name     = "rg-/  name = "rg-/' "$scratch/unaligned/environments/prod/main.tf"
  cp -r fixtures/valid "$scratch/interpolation"
  sed -i 's/^  location = var.location$/  location = "${var.location}"/' "$scratch/interpolation/environments/prod/main.tf"
  for case in unaligned interpolation; do
    out=$(./fmtcheck.sh "$hclfmt" "$scratch/$case" 2>&1)
    if [[ $? -eq 1 && $out == *environments/prod/main.tf* ]]; then
      pass "fmtcheck: $case copy fails"
    else
      fail "fmtcheck: $case copy fails" "${out:-<no output>}"
    fi
  done
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
