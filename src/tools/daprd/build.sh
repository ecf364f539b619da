#!/usr/bin/env bash
# Builds daprd (Dapr's sidecar runtime) from the Go module proxy into a cache folder, once per version.
# No registry serves a daprd binary; the tests and dev mode need a real one.
#
#   src/tools/daprd/build.sh          build if missing, print the binary's path
#   DAPRD_CACHE_DIR=/some/dir ...     where versions are kept (default ~/.cache/aks-dapr-wif-secrets/daprd)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="$(awk '$1 == "github.com/dapr/dapr" { print $2; exit }' "$here/go.mod")"
cache_dir="${DAPRD_CACHE_DIR:-${HOME}/.cache/aks-dapr-wif-secrets/daprd}"
target="$cache_dir/$version/daprd"

if [ -x "$target" ] && "$target" --version >/dev/null 2>&1; then
  echo "daprd $version already built: $target" >&2
  echo "$target"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  # Exit 3, which Maven lets pass: dev mode still starts (and says how to get a sidecar), and the tests fail with
  # the same advice instead of being skipped.
  echo "Go is needed to build daprd $version (https://go.dev/dl/); or set DAPRD_PATH to an existing daprd." >&2
  exit 3
fi

echo "Building daprd $version into $target (first time only: downloads Dapr's modules and compiles, 10-30 minutes on 2 cores)" >&2
mkdir -p "$cache_dir/$version"
tmp="$target.tmp.$$"
trap 'rm -f "$tmp"' EXIT
start=$(date +%s)
# stablecomponents: the component files carry build tags, and daprd without one panics at start.
# -mod=readonly: go.mod and go.sum are committed and complete; nothing here may rewrite them.
(cd "$here" && CGO_ENABLED=0 go build -mod=readonly -trimpath -tags stablecomponents \
  -ldflags "-s -w -X github.com/dapr/dapr/pkg/buildinfo.version=${version#v}" -o "$tmp" .)
mv "$tmp" "$target"
echo "daprd $version built in $(( $(date +%s) - start ))s: $target" >&2
"$target" --version >&2
echo "$target"
