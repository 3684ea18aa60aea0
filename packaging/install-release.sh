#!/usr/bin/env bash
# Installs a released topoc for Linux x86-64: downloads the tarball of VERSION
# and its SHA-256 file from the release, refuses a tarball whose checksum
# differs, unpacks it into DIR and prints the directory holding the binary
# (what goes on PATH). The GitHub action (action.yml) runs this.
#
#   packaging/install-release.sh VERSION DIR RELEASES_URL
#
# RELEASES_URL is a repository's `https://github.com/OWNER/REPO/releases/download`;
# the files are RELEASES_URL/vVERSION/topoc-VERSION-linux-x86_64.tar.gz and
# ....tar.gz.sha256 (docs/install.md). Exit codes: 0 installed, 1 download or
# checksum failure, 2 bad arguments or an unsupported machine.
set -euo pipefail

fail() {
  echo "topoc install: $2" >&2
  exit "$1"
}

[ $# -eq 3 ] || fail 2 "usage: install-release.sh VERSION DIR RELEASES_URL"
version=${1#v}
dir=$2
releases=${3%/}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail 2 "version \`$1\` is not MAJOR.MINOR.PATCH, e.g. 0.1.0"
[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] ||
  fail 2 "releases are built for Linux x86-64; this machine is $(uname -s) $(uname -m): build from source (docs/install.md)"

name="topoc-$version-linux-x86_64"
download=$(mktemp -d)
trap 'rm -rf "$download"' EXIT
for file in "$name.tar.gz" "$name.tar.gz.sha256"; do
  curl --fail --silent --show-error --location --retry 3 --proto '=https,file' \
    --output "$download/$file" "$releases/v$version/$file" ||
    fail 1 "cannot download $releases/v$version/$file"
done

# The checksum file holds `<sha256>  <file name>`, as sha256sum writes it.
read -r expected named <"$download/$name.tar.gz.sha256" || true
[[ ${expected:-} =~ ^[0-9a-f]{64}$ && ${named#\*} = "$name.tar.gz" ]] ||
  fail 1 "$name.tar.gz.sha256 is not \`<sha256>  $name.tar.gz\`"
actual=$(sha256sum "$download/$name.tar.gz" | cut -d' ' -f1)
[ "$actual" = "$expected" ] ||
  fail 1 "$name.tar.gz has SHA-256 $actual, but the release publishes $expected; not installed"

mkdir -p "$dir"
tar -xzf "$download/$name.tar.gz" -C "$dir"
bin="$(cd "$dir/$name/bin" && pwd)"
reported=$("$bin/topoc" --version) || fail 1 "the unpacked $bin/topoc does not run"
[[ $reported == "topoc $version "* ]] || fail 1 "the tarball of $version holds \`$reported\`"
echo "$bin"
