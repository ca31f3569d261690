#!/bin/sh
# Benchmark (not a test): `roster apply` of a 10,000-member roster file (the
# export of a 10k demo) to a workspace that has only its workspace-admin,
# with a release build: the dry run, the apply (one transaction with every
# invitation; the mail is left to `mail flush`), the flush to .eml files, and
# the second apply that finds nothing to change. Prints figures; asserts
# nothing. Target: the apply within 2 s.
set -eu
cd "$(dirname "$0")/.."
members="${1:-10000}"
# Its own release build folder: scripts/install.sh builds .build-release with other flags.
scratch="${SWIFT_SCRATCH_PATH:-.build-bench}"
swift build -c release --scratch-path "$scratch" --product clerk-team >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/clerk-team"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
export CLERK_TEAM_CONFIG="$dir/config.json"
printf '{"transport": {"kind": "folder", "path": "%s/mail"}}\n' "$dir" >"$CLERK_TEAM_CONFIG"

ms() { echo $(( ($2 - $1) / 1000000 )); }

"$bin" demo --db "$dir/demo.db" --members "$members" >/dev/null
t0=$(date +%s%N)
"$bin" --db "$dir/demo.db" roster export >"$dir/team.yaml"
t1=$(date +%s%N)
echo "roster export of a $members-member demo: $(ms "$t0" "$t1") ms, $(wc -l <"$dir/team.yaml") lines, $(wc -c <"$dir/team.yaml") bytes"

# The fresh workspace's admin is the demo's, so the file's first entry for them matches.
admin=$("$bin" --db "$dir/demo.db" members list --json | grep -o '"email":"[^"]*","name":"You ([^"]*)"' | head -1)
email=$(echo "$admin" | cut -d'"' -f4)
name=$(echo "$admin" | cut -d'"' -f8)
"$bin" init --db "$dir/team.db" --workspace "Bench" --admin-email "$email" --admin-name "$name" >/dev/null

t0=$(date +%s%N)
"$bin" --db "$dir/team.db" roster apply "$dir/team.yaml" --dry-run >"$dir/plan.txt"
t1=$(date +%s%N)
echo "roster apply --dry-run: $(ms "$t0" "$t1") ms ($(head -1 "$dir/plan.txt" | cut -c1-120))"

# The transaction has committed when "applied in one transaction" is printed; more
# than 50 invitation mails are left to `mail flush` (timed below). Python reads the
# output as it comes (a shell `read` loop would slow the writer).
python3 - "$bin" "$dir" <<'PY'
import subprocess, sys, time
binary, folder = sys.argv[1], sys.argv[2]
start = time.monotonic()
run = subprocess.Popen([binary, "--db", folder + "/team.db", "roster", "apply", folder + "/team.yaml"],
                       stdout=subprocess.PIPE, text=True)
for line in run.stdout:
    if line.startswith("applied in one transaction") or "mails queued" in line:
        print(f"roster apply: {line.strip()} after {(time.monotonic() - start) * 1000:.0f} ms")
run.wait()
print(f"roster apply, whole command: {(time.monotonic() - start) * 1000:.0f} ms")
PY

t0=$(date +%s%N)
"$bin" --db "$dir/team.db" mail flush >"$dir/flush.txt"
t1=$(date +%s%N)
echo "mail flush: $(ms "$t0" "$t1") ms ($(grep -c 'delivered' "$dir/flush.txt") mails to .eml files, one synced file and one recorded outcome each)"

t0=$(date +%s%N)
"$bin" --db "$dir/team.db" roster apply "$dir/team.yaml" >"$dir/again.txt"
t1=$(date +%s%N)
echo "roster apply again: $(ms "$t0" "$t1") ms ($(head -1 "$dir/again.txt"))"
