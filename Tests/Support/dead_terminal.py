#!/usr/bin/env python3
"""Test helper: runs a program with standard input on one pseudo-terminal
and its output on another, waits for TEXT to be drawn, then closes the far
end of the output terminal (no SIGHUP reaches the program: the terminal is
not its controlling one) and reports, as JSON, whether and how fast the
program exited.

Usage: dead_terminal.py TEXT TIMEOUT_SECONDS PROGRAM [ARGS...]
"""
import json
import os
import select
import subprocess
import sys
import time

text, timeout, argv = sys.argv[1].encode(), float(sys.argv[2]), sys.argv[3:]
in_main, in_side = os.openpty()
out_main, out_side = os.openpty()
env = dict(os.environ, TERM="xterm-256color", LINES="30", COLUMNS="100")
child = subprocess.Popen(argv, stdin=in_side, stdout=out_side, stderr=out_side, env=env, close_fds=True)
os.close(out_side)

drawn, deadline = b"", time.monotonic() + 10
while text not in drawn and time.monotonic() < deadline:
    ready, _, _ = select.select([out_main], [], [], 0.1)
    if ready:
        try:
            drawn += os.read(out_main, 65536)
        except OSError:
            break
if text not in drawn:
    child.kill()
    print(json.dumps({"drawn": False, "output": drawn[-300:].decode("utf-8", "replace")}))
    sys.exit(0)

os.close(out_main)
closed = time.monotonic()
try:
    status = child.wait(timeout=timeout)
    print(json.dumps({"drawn": True, "exited": True, "seconds": time.monotonic() - closed, "status": status}))
except subprocess.TimeoutExpired:
    child.kill()
    child.wait()
    print(json.dumps({"drawn": True, "exited": False, "seconds": timeout}))
os.close(in_main)
os.close(in_side)
