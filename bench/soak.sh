#!/bin/sh
# Benchmark (not a test): N interfaces open at once on a large demo
# workspace (bench/soak.py); prints idle CPU, CPU per outside commit per
# interface, write latency while open and the time until every screen shows
# a change. Uses the installed binary, as operators run it.
# Usage: bench/soak.sh [--prefix PREFIX] [soak.py arguments, e.g. --tuis 100]
#   (default: installs into a temporary prefix with scripts/install.sh)
set -eu
cd "$(dirname "$0")/.."
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
prefix=""
if [ "${1:-}" = "--prefix" ]; then prefix="$2"; shift 2; fi
if [ -z "$prefix" ]; then
    prefix="$dir/prefix"
    scripts/install.sh --prefix "$prefix" >/dev/null
fi
python3 bench/soak.py --bin "$prefix/bin/clerk-team" "$@"
