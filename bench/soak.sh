#!/bin/sh
# Benchmark (not a test): N interfaces open at once on a large demo
# workspace (bench/soak.py); prints idle CPU, CPU per outside commit per
# interface, write latency while open and the time until every screen shows
# a change. Arguments go to soak.py (e.g. --tuis 100 --members 100000).
# Builds in .build-bench (or SWIFT_SCRATCH_PATH) so as not to disturb other builds.
set -eu
cd "$(dirname "$0")/.."
scratch="${SWIFT_SCRATCH_PATH:-.build-bench}"
swift build -c release --scratch-path "$scratch" --product clerk-team >/dev/null
exec python3 bench/soak.py --bin "$scratch/release/clerk-team" "$@"
