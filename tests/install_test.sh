#!/usr/bin/env bash
# `cmake --install` into a temporary prefix puts bin/topoc and the
# documentation where docs/install.md says, and the installed binary works
# from an empty directory: the templates are compiled in. A portable build
# (TOPOC_PORTABLE) needs no shared library but glibc's.
#
#   tests/install_test.sh BUILD_DIR CMAKE PORTABLE(ON|OFF)
set -euo pipefail
build=$1 cmake=$2 portable=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAILED: $*"
  failures=$((failures + 1))
}

"$cmake" --install "$build" --prefix "$work/prefix" >/dev/null
doc="$work/prefix/share/doc/topoc"
for f in bin/topoc share/doc/topoc/README.md share/doc/topoc/dsl/README.md \
  share/doc/topoc/docs/rules.md share/doc/topoc/docs/install.md \
  share/doc/topoc/examples/minimal.topo share/doc/topoc/examples/ci/github-actions.yml; do
  [ -f "$work/prefix/$f" ] || fail "$f is not installed"
done
[ ! -e "$doc/examples/invalid" ] || fail "examples/invalid (test fixtures) is installed"
unexpected=$(cd "$work/prefix" && find . -type f |
  grep -v -E '^\./(bin/topoc|share/doc/topoc/(.*\.(md|topo|yml)|(LICENSE|COPYING|NOTICE)[^/]*))$' || true)
[ -z "$unexpected" ] || fail "unexpected files installed: $unexpected"

mkdir "$work/empty"
cd "$work/empty"
"$work/prefix/bin/topoc" --version | grep -q -E '^topoc [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]+|unknown)\)$' ||
  fail "installed topoc --version"
"$work/prefix/bin/topoc" check "$doc/examples/minimal.topo" || fail "installed topoc check exits $?"
"$work/prefix/bin/topoc" build "$doc/examples/minimal.topo" -o out --target all >/dev/null ||
  fail "installed topoc build exits $?"
[ -f out/environments/prod/main.tf ] || fail "installed topoc build wrote no environments/prod/main.tf"
[ -n "$(find out -name '*.bicep' -print -quit)" ] || fail "installed topoc build wrote no Bicep"

if [ "$portable" = ON ]; then
  needed=$(readelf -d "$work/prefix/bin/topoc" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort | tr '\n' ' ')
  for lib in $needed; do
    case "$lib" in
      libc.so.6 | libm.so.6 | ld-linux-x86-64.so.2) ;;
      *) fail "the portable topoc needs $lib (all it needs: $needed)" ;;
    esac
  done
  # docs/install.md promises the glibc release the binary needs at most.
  promised=$(sed -n 's/.*it needs only glibc \([0-9.]*\) or later.*/\1/p' "$doc/docs/install.md")
  newest=$(objdump -T "$work/prefix/bin/topoc" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
  [ -n "$promised" ] && [ "$(printf '%s\n%s\n' "$newest" "$promised" | sort -V | tail -1)" = "$promised" ] ||
    fail "topoc needs glibc $newest, docs/install.md promises ${promised:-nothing}"
fi

echo "install_test: $failures failed"
[ "$failures" = 0 ]
