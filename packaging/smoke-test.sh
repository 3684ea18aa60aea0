#!/usr/bin/env bash
# Builds the Debian package and the tarball from an existing build tree and
# proves that each installs and runs on this machine: the package through
# `dpkg -i` (with sudo unless root), the tarball unpacked after its checksum
# is verified, both run from an empty directory. .ci/run calls this after the
# test suite; the package is removed again unless it was installed before.
#
#   packaging/smoke-test.sh [BUILD_DIR]    (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

version=$(sed -n 's/^project(topoc VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
packages="$build/packages"
rm -rf "$packages"
(cd "$build" && cpack --config CPackConfig.cmake -B "$PWD/packages" >/dev/null)
deb="$packages/topoc_${version}_$(dpkg --print-architecture).deb"
tarball="$packages/topoc-$version-linux-$(uname -m).tar.gz"
for f in "$deb" "$tarball" "$tarball.sha256"; do
  [ -f "$f" ] || { echo "smoke-test: cpack made no $f" >&2; ls "$packages" >&2; exit 1; }
done

work=$(mktemp -d)
installed_before=$(dpkg-query -W -f='${Status}' topoc 2>/dev/null || true)
cleanup() {
  rm -rf "$work"
  if [ "$installed_before" != "install ok installed" ]; then $SUDO dpkg -r topoc >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# What a user runs: --version, then a check of the smallest example, from a
# directory holding nothing but that example.
exercise() {
  local topoc=$1 dir=$2
  mkdir -p "$dir"
  cp examples/minimal.topo "$dir/"
  (
    cd "$dir"
    out=$("$topoc" --version)
    [[ $out == "topoc $version (commit "*")" ]] || { echo "smoke-test: $topoc --version printed \`$out\`" >&2; exit 1; }
    "$topoc" check minimal.topo
    echo "smoke-test: $topoc: $out, check passed"
  )
}

echo "smoke-test: $(dpkg-deb --field "$deb" Package Version Depends | tr '\n' ' ')"
$SUDO dpkg -i "$deb" >/dev/null
[ "$(command -v topoc)" = /usr/bin/topoc ] || { echo "smoke-test: topoc on PATH is $(command -v topoc)" >&2; exit 1; }
[ -f /usr/share/doc/topoc/docs/rules.md ] || { echo "smoke-test: the package has no docs" >&2; exit 1; }
exercise /usr/bin/topoc "$work/deb"

# The tarball as the GitHub action installs it: a release directory v<version>/
# with the tarball and its .sha256, fetched and verified by install-release.sh.
mkdir -p "$work/release/v$version"
cp "$tarball" "$tarball.sha256" "$work/release/v$version/"
if [ "$(uname -m)" = x86_64 ]; then
  bin=$(packaging/install-release.sh "$version" "$work/tarball" "file://$work/release")
  exercise "$bin/topoc" "$work/tarball-run"
else
  mkdir -p "$work/tarball" && tar -xzf "$tarball" -C "$work/tarball"
  exercise "$work/tarball/topoc-$version-linux-$(uname -m)/bin/topoc" "$work/tarball-run"
fi
