#!/bin/sh
# Benchmark (not a test): start-up of the installed clerk-team against
# sqlite3 answering the same question. Builds a 100,000-member demo, then
# times `clerk-team can EMAIL PERMISSION` (process start, opening the file,
# identity, the one explain query) and sqlite3 running the role-matrix
# lookup on the same file; prints medians and the ratio.
# Usage: bench/startup.sh [PREFIX]   (default: installs into a temporary prefix)
set -eu
cd "$(dirname "$0")/.."
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
prefix="${1:-}"
if [ -z "$prefix" ]; then
    prefix="$dir/prefix"
    scripts/install.sh --prefix "$prefix" >/dev/null
fi
bin="$prefix/bin/clerk-team"
db="$dir/demo.db"
"$bin" demo --db "$db" --members 100000 >/dev/null
email=$("$bin" --db "$db" members list --sort email --json | grep -o '"email":"[^"]*"' | sed -n '50000p' | cut -d'"' -f4)
# What sqlite3 is asked: the member's role, then whether that role holds the
# permission in the workspace's matrix (a smaller question than can's, which
# also reads groups and overrides and checks who is asking).
query="SELECT role FROM members WHERE email = '$email';"

if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 5 --runs 50 -N --export-json "$dir/h.json" \
        "$bin --db $db can $email add-inbox" \
        "sqlite3 -readonly $db \"$query\"" >/dev/null 2>&1 || true
fi

# A timing loop as well (hyperfine or not): median of 51 runs, in ms.
median() { # command...
    i=0
    while [ $i -lt 51 ]; do
        s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
        echo $(( (e - s) / 1000 ))
        i=$((i + 1))
    done | sort -n | sed -n '26p'
}
clerk=$(median "$bin" --db "$db" can "$email" add-inbox)
sqlite=$(median sqlite3 -readonly "$db" "$query")
echo "clerk-team can (100k members): median $((clerk / 1000)).$(( (clerk % 1000) / 100 )) ms"
echo "sqlite3 same lookup:           median $((sqlite / 1000)).$(( (sqlite % 1000) / 100 )) ms"
echo "ratio: $(awk "BEGIN { printf \"%.1f\", $clerk / $sqlite }")x"
if [ -f "$dir/h.json" ]; then
    python3 - "$dir/h.json" <<'PY' 2>/dev/null || true
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print("hyperfine: clerk-team %.1f ms ± %.1f, sqlite3 %.1f ms ± %.1f, ratio %.1fx" % (
    r[0]["median"] * 1000, r[0]["stddev"] * 1000, r[1]["median"] * 1000, r[1]["stddev"] * 1000, r[0]["median"] / r[1]["median"]))
PY
fi
