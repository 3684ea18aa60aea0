#!/usr/bin/env bash
# Builds hclfmt (HCL's own formatter, hclwrite.Format) offline from Debian's
# golang-github-hashicorp-hcl-v2-dev sources, in GOPATH mode: no module proxy.
#   usage: build-hclfmt.sh <outdir>     -> prints the path of <outdir>/hclfmt
# Needs: apt-get install golang-go golang-github-hashicorp-hcl-v2-dev
set -euo pipefail
if [[ $# -ne 1 ]]; then
  echo "usage: $0 <outdir>" >&2
  exit 2
fi
src=/usr/share/gocode/src/github.com/hashicorp/hcl/v2/cmd/hclfmt
if ! command -v go >/dev/null || [[ ! -d $src ]]; then
  echo "$0: needs go and $src (apt-get install golang-go golang-github-hashicorp-hcl-v2-dev)" >&2
  exit 2
fi
mkdir -p "$1"
outdir=$(cd "$1" && pwd)
# GOPATH mode against Debian's source tree; the build cache must be writable.
GOPATH=/usr/share/gocode GO111MODULE=off GOFLAGS= GOCACHE="${GOCACHE:-$outdir/go-build-cache}" \
  go build -o "$outdir/hclfmt" github.com/hashicorp/hcl/v2/cmd/hclfmt
echo "$outdir/hclfmt"
