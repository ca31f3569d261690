#!/bin/sh
# Rewrites the README's key table from the interface's own table
# (`clerk-team keys --markdown`), between its markers. A test fails until
# this has been run after a key changed.
set -eu
cd "$(dirname "$0")/.."
swift build --product clerk-team >/dev/null
table="$(swift build --show-bin-path)/clerk-team"
python3 - "$table" <<'PY'
import subprocess, sys
table = subprocess.run([sys.argv[1], "keys", "--markdown"], check=True, capture_output=True, text=True).stdout
text = open("README.md").read()
begin = text.index("<!-- keys:begin -->\n") + len("<!-- keys:begin -->\n")
end = text.index("<!-- keys:end -->")
open("README.md", "w").write(text[:begin] + table + text[end:])
PY
