#!/bin/sh
# Benchmark (not a test): a bulk invitation from a CSV file of 10,000 rows
# (or the number given), release build: in the store from a string, and the
# real `clerk-team invites import FILE` end to end (file read, commit, mail
# queued). Prints figures; asserts nothing.
set -eu
cd "$(dirname "$0")/.."
rows="${1:-10000}"
# Its own release build folder: scripts/install.sh builds .build-release with other flags.
scratch="${SWIFT_SCRATCH_PATH:-.build-bench}"
swift build -c release --scratch-path "$scratch" --product clerk-team >/dev/null
swift build -c release --scratch-path "$scratch" --product clerk-bench >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
exec "$bin/clerk-bench" "$rows" --cli "$bin/clerk-team"
