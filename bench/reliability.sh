#!/bin/sh
# Benchmark (not a test): the crash, concurrency, accept-race, fuzz and
# escape-injection figures (bench/reliability.py) on the installed binary,
# with clerk-fuzz built in release mode beside it. Prints counts.
# Usage: bench/reliability.sh [--prefix PREFIX] [reliability.py arguments,
#   e.g. --crash-rounds 50 --fuzz-runs 4000 --only crash,accept]
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
build="${CLERK_TEAM_BUILD_PATH:-.build-release}"
# The same flags as scripts/install.sh, so the modules it built are reused.
swift build -c release --product clerk-fuzz --scratch-path "$build" --static-swift-stdlib -Xlinker -s >/dev/null
python3 bench/reliability.py --bin "$prefix/bin/clerk-team" --fuzz-bin "$build/release/clerk-fuzz" "$@"
