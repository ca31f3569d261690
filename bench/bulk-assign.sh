#!/bin/sh
# Benchmark (not a test): assigns 10,000 members of a 100,000-member demo to
# one inbox with `assign --from-file` (one transaction, the guard asked for
# each, one audit event each), then takes them out again, with a release
# build. Prints figures; asserts nothing. Target: each run within 2 s.
set -eu
cd "$(dirname "$0")/.."
members="${1:-100000}"
count="${2:-10000}"
# Its own release build folder: scripts/install.sh builds .build-release with other flags.
scratch="${SWIFT_SCRATCH_PATH:-.build-bench}"
swift build -c release --scratch-path "$scratch" --product clerk-team >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/clerk-team"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
db="$dir/demo.db"

ms() { echo $(( ($2 - $1) / 1000000 )); }

"$bin" demo --db "$db" --members "$members" >/dev/null
# Every member but the first (the demo's own workspace-admin), up to $count.
"$bin" --db "$db" members list --json | grep -o '"email":"[^"]*"' | cut -d'"' -f4 | sed -n "2,$((count + 1))p" >"$dir/list.txt"
echo "list: $(wc -l <"$dir/list.txt") emails; demo of $members members"

for run in 1 2 3; do
    for verb in assign unassign; do
        t0=$(date +%s%N)
        summary=$("$bin" --db "$db" "$verb" --from-file "$dir/list.txt" +14155550100)
        t1=$(date +%s%N)
        echo "$verb --from-file (run $run): $(ms "$t0" "$t1") ms ($summary)"
    done
done
