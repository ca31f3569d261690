#!/bin/sh
# Benchmark (not a test): builds the release binary, then drives the
# full-screen interface through a pseudo-terminal on a 100k-member demo
# workspace (bench/tui-scale.py), with `less` on the same list for scale.
# Prints figures next to their targets; asserts nothing.
# Arguments go to tui-scale.py (e.g. --members 20000, --no-less, --starts 3).
# SWIFT_SCRATCH_PATH, if set, is the build folder (swift build --scratch-path).
set -eu
cd "$(dirname "$0")/.."
build() {
    if [ -n "${SWIFT_SCRATCH_PATH:-}" ]; then
        swift build -c release --scratch-path "$SWIFT_SCRATCH_PATH" "$@"
    else
        swift build -c release "$@"
    fi
}
build --product clerk-team >/dev/null
bin="$(build --show-bin-path)/clerk-team"
exec python3 bench/tui-scale.py --bin "$bin" "$@"
