#!/usr/bin/env python3
"""Benchmark (not a test) of message threads: import of 100k messages and
opening a 10k-message thread in the full-screen interface. See messages.sh.

The interface is timed as bench/tui-scale.py times it (its PtySession): a key
is written at t0, output is read as it arrives, and the response is over when
nothing has arrived for the quiet period; the latency is t0 -> last byte.
"""

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("tui_scale", os.path.join(HERE, "tui-scale.py"))
tui = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tui)

SUPPORT = "+14155550100"
LONG_CONTACT = "+14155550199"
PUBLIC = ["+14155550100", "+14155550101", "+14155550102", "+442071838750", "+4930901820"]
TEXTS = ["Hi, is my order on its way?", "Thanks! 👍", "Can I change my delivery address to 12 Elm St?",
         "予約の変更をお願いします。", "Guten Tag, wann öffnen Sie morgen?", "Sure, done.",
         "We'll call you back within the hour.\nHave a good day!"]


def iso(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def write_file(path, total, long_thread, by):
    base = 1_790_000_000
    with open(path, "w", encoding="utf-8") as out:
        for i in range(total):
            if i < long_thread:
                inbox, contact, at = SUPPORT, LONG_CONTACT, base + 10_000_000 + i * 60
            else:
                # 89 contacts of the fiction range 555-0110..0198 in each of the 5 public inboxes
                # (not the inboxes' own numbers, 555-0100..0102, nor the long thread's 555-0199).
                n = i % 445
                inbox, contact, at = PUBLIC[n // 89], "+141555501" + f"{10 + n % 89:02d}", base + i
            out_dir = "out" if i % 3 == 2 else "in"
            line = {"inbox": inbox, "contact": contact, "direction": out_dir, "at": iso(at),
                    "text": f"{TEXTS[i % len(TEXTS)]} ({i})"}
            if out_dir == "out":
                line["by"] = by
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def run(argv, **kw):
    return subprocess.run(argv, check=True, capture_output=True, text=True, **kw)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--thread", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--opens", type=int, default=15)
    parser.add_argument("--quiet-ms", type=float, default=30.0)
    args = parser.parse_args()
    quiet, timeout = args.quiet_ms / 1000, 10.0

    work = tempfile.mkdtemp(prefix="clerk-messages-bench-")
    try:
        demo = os.path.join(work, "demo.db")
        run([args.bin, "demo", "--db", demo, "--members", "50"])
        members = json.loads(run([args.bin, "--db", demo, "members", "list", "--json"]).stdout)
        by = next(m["email"] for m in members if m["name"].startswith("You ("))
        data = os.path.join(work, "messages.jsonl")
        write_file(data, args.messages, args.thread, by)
        size = os.path.getsize(data)

        times = []
        db = os.path.join(work, "import.db")
        for _ in range(args.runs):
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            shutil.copy(demo, db)
            t0 = time.perf_counter()
            result = subprocess.run([args.bin, "--db", db, "messages", "import", data], capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit("messages import failed: " + result.stderr[:2000])
            times.append(time.perf_counter() - t0)
        print(f"messages import of {args.messages:,} messages ({size / 1e6:.1f} MB of JSON lines): "
              f"median {statistics.median(times):.2f} s, min {min(times):.2f} s of {args.runs} "
              f"(target ≤ 5 s) — {result.stdout.strip()}")

        env = tui.environment()
        session = tui.PtySession([args.bin, "--db", db], env)
        try:
            session.response(quiet, timeout, done=lambda buf: "Clerk Demo Co.".encode() in buf)
            session.key(b"2", quiet, timeout)          # the inboxes view; Support is the first row
            session.key(b"t", quiet, timeout)          # its threads; the 10k thread is the newest
            opens, sizes = [], []
            for _ in range(args.opens):
                latency, size_bytes = session.key(b"\r", quiet, timeout)
                opens.append(latency * 1000)
                sizes.append(size_bytes)
                session.key(b"\x1b", quiet, timeout)
            session.key(b"\r", quiet, timeout)
            home_ms = session.key(b"g", quiet, timeout)[0] * 1000
            end_ms = session.key(b"G", quiet, timeout)[0] * 1000
            up = [session.key(b"k", quiet, timeout)[0] * 1000 for _ in range(20)]
            memory = session.memory_kib()
        finally:
            session.close(b"q")
        opens.sort()
        print(f"opening the {args.thread:,}-message thread (Enter to last byte painted, 100x30): "
              f"p50 {statistics.median(opens):.1f} ms, max {max(opens):.1f} ms of {len(opens)}, "
              f"{statistics.mean(sizes):.0f} B (target ≤ 50 ms)")
        print(f"Home (oldest page) {home_ms:.1f} ms, End (newest page) {end_ms:.1f} ms, "
              f"one message up p50 {statistics.median(up):.1f} ms; resident memory "
              f"{memory.get('VmRSS', 0) / 1024:.0f} MB")
        print(f"(the figures include the pty round trip of this harness; load average {os.getloadavg()[0]:.1f})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
