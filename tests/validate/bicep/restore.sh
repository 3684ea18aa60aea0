#!/usr/bin/env bash
# Restores the Bicep CLI (NuGet Azure.Bicep.CommandLine.linux-x64, version
# pinned in bicep-cli.csproj) and prints the path of its bicep executable.
#   usage: restore.sh [outdir]      default outdir: <repo>/build/bicep
# The project is copied to <outdir> and restored there, packages included, so
# the source tree stays clean. Progress goes to stderr; stdout is only the path.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
outdir=${1:-$here/../../../build/bicep}
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)

package=Azure.Bicep.CommandLine.linux-x64
version=$(sed -n "s/.*Include=\"$package\" Version=\"\[\([^]]*\)\]\".*/\1/p" "$here/bicep-cli.csproj")
cp "$here/bicep-cli.csproj" "$outdir/"
dotnet restore "$outdir/bicep-cli.csproj" --packages "$outdir/packages" >&2

bicep="$outdir/packages/${package,,}/$version/tools/bicep"
chmod a+x "$bicep" # the package ships it as rwxr--r--
"$bicep" --version >&2
echo "$bicep"
