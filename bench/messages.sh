#!/bin/sh
# Benchmark (not a test): message threads at scale, release build.
#  1. writes a JSON-lines file of 100,000 messages (one thread of 10,000 in
#     the demo's Support inbox, the rest over 445 threads of the five public inboxes);
#  2. times `messages import` of it into a fresh copy of a demo (3 runs);
#  3. drives the full-screen interface through a pseudo-terminal (100x30):
#     opens the inboxes view, the Support inbox's threads, then times Enter
#     on the 10,000-message thread until its last byte is painted, and Home
#     (the oldest page) and End.
# Prints figures next to their targets; asserts nothing.
# Targets: import ≤ 5 s, opening the 10k thread ≤ 50 ms.
set -eu
cd "$(dirname "$0")/.."
# Its own release build folder: scripts/install.sh builds .build-release with other flags.
scratch="${SWIFT_SCRATCH_PATH:-.build-bench}"
swift build -c release --scratch-path "$scratch" --product clerk-team >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/clerk-team"
exec python3 bench/messages.py --bin "$bin" "$@"
