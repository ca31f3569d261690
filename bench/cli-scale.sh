#!/bin/sh
# Benchmark (not a test): builds a 100k-member demo workspace (or of the
# size given as the first argument, any size) and times the CLI on it.
# Prints figures; asserts nothing.
set -eu
cd "$(dirname "$0")/.."
members="${1:-100000}"
# Its own release build folder: scripts/install.sh builds .build-release with other flags.
scratch="${SWIFT_SCRATCH_PATH:-.build-bench}"
swift build -c release --scratch-path "$scratch" --product clerk-team >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/clerk-team"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
db="$dir/demo.db"

ms() { echo $(( ($2 - $1) / 1000000 )); }

t0=$(date +%s%N)
"$bin" demo --db "$db" --members "$members" >/dev/null
t1=$(date +%s%N)
echo "demo --members $members: $(ms "$t0" "$t1") ms, file $(du -k "$db" | cut -f1) KiB"

for run in 1 2 3; do
    t0=$(date +%s%N)
    "$bin" --db "$db" members list --json >"$dir/members.json"
    t1=$(date +%s%N)
    echo "members list --json (run $run): $(ms "$t0" "$t1") ms, $(wc -c <"$dir/members.json") bytes"
done

t0=$(date +%s%N)
"$bin" --db "$db" members list >/dev/null
t1=$(date +%s%N)
echo "members list (table): $(ms "$t0" "$t1") ms"

# The member in the middle of the list, whatever the size of the team.
count=$(grep -o '"email":"[^"]*"' "$dir/members.json" | wc -l)
middle=$(( (count + 1) / 2 ))
email=$(grep -o '"email":"[^"]*"' "$dir/members.json" | sed -n "${middle}p" | cut -d'"' -f4)
if [ -z "$email" ]; then
    echo "no member to assign in the $members-member demo" >&2
    exit 1
fi
t0=$(date +%s%N)
for i in 1 2 3 4 5 6 7 8 9 10; do
    "$bin" --db "$db" assign "$email" +14155550100 >/dev/null
    "$bin" --db "$db" unassign "$email" +14155550100 >/dev/null
done
t1=$(date +%s%N)
echo "assign+unassign of member $middle of $count: $(( $(ms "$t0" "$t1") / 20 )) ms per command (process start included)"
