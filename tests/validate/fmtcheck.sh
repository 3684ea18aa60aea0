#!/usr/bin/env bash
# Checks that every .tf file under <dir> is formatted the way `terraform fmt`
# would leave it, without Terraform:
#   1. hclfmt (hclwrite.Format, the formatter terraform fmt is built on) must
#      leave the file unchanged: its diff is printed otherwise;
#   2. lib/fmtrules.mjs reports the few rewrites terraform fmt adds on top
#      (x = "${expr}" unwrapped, legacy variable types, unquoted labels, final
#      newline).
#   usage: fmtcheck.sh <hclfmt> <dir>    exit 0 if all formatted, 1 if not, 2 on usage errors
set -uo pipefail
if [[ $# -ne 2 || ! -x $1 || ! -d $2 ]]; then
  echo "usage: $0 <hclfmt> <dir>   (hclfmt from build-hclfmt.sh)" >&2
  exit 2
fi
hclfmt=$1
dir=$2
here=$(dirname "$0")

mapfile -t files < <(find "$dir" -name .terraform -prune -o -name '*.tf' -type f -print | LC_ALL=C sort)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "$0: no .tf files under $dir" >&2
  exit 2
fi

status=0
for f in "${files[@]}"; do
  if ! errors=$("$hclfmt" -check "$f" 2>&1 >/dev/null); then
    echo "$f: hclfmt cannot parse it:"
    echo "$errors"
    if grep -q 'provider::' "$f"; then
      echo "$f: note: Debian's HCL 2.14 predates provider::NS::FN() calls (HCL 2.20), so hclfmt cannot check this file"
    fi
    status=1
    continue
  fi
  if ! "$hclfmt" "$f" | diff -u --label "$f" --label "$f (hclfmt)" "$f" -; then
    status=1
  fi
done
node "$here/lib/fmtrules.mjs" "${files[@]}" || status=1
exit $status
