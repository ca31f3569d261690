#!/usr/bin/env python3
"""Benchmark (not a test): many operators with the interface open at once.

Opens N full-screen interfaces (one tmux window each, 100x30) on one demo
workspace of M members, then measures, for all of them together:
  * idle CPU: the interfaces' CPU time (from /proc/PID/schedstat, in ns)
    over an idle stretch, as a percentage of one core;
  * per outside commit: a `members rename` run from the command line while
    they are open: its wall time (the write latency an operator feels), the
    time until EVERY screen shows the new name (all panes captured in one
    tmux call, again and again), and the CPU each interface spent on it
    (the CPU over the commit's window minus the idle rate, divided by N).
Prints figures next to their targets; asserts nothing.

Usage: bench/soak.py --bin PATH/TO/clerk-team [--tuis N] [--members M] [--commits K]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TARGETS = {"idle_cpu_pct": 5.0, "cpu_per_commit_ms": 2.0, "write_median_ms": 50.0, "all_screens_s": 1.0}


def cpu_ns(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/schedstat") as f:
                total += int(f.read().split()[0])
        except OSError:
            pass
    return total


class Tmux:
    def __init__(self, socket):
        self.base = ["tmux", "-L", socket, "-f", "/dev/null"]

    def __call__(self, *args, check=True):
        return subprocess.run(self.base + list(args), check=check, capture_output=True, text=True).stdout

    def capture_all(self, windows):
        # One client call for every pane: the server answers them in a row.
        args = []
        for index in range(windows):
            if args:
                args.append(";")
            args += ["capture-pane", "-p", "-t", f"soak:{index}"]
        out = subprocess.run(self.base + args, capture_output=True, text=True).stdout
        return out


def wait_until(predicate, timeout, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--tuis", type=int, default=20)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--commits", type=int, default=10)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    args = parser.parse_args()
    if not shutil.which("tmux"):
        sys.exit("soak: needs tmux")

    work = tempfile.mkdtemp(prefix="clerk-soak-")
    db = os.path.join(work, "soak.db")
    binary = os.path.abspath(args.bin)
    tmux = Tmux(f"clerk-soak-{os.getpid()}")
    try:
        subprocess.run([binary, "demo", "--db", db, "--members", str(args.members), "--no-tui"],
                       check=True, capture_output=True)
        members = json.loads(subprocess.run([binary, "--db", db, "members", "list", "--json"],
                                            check=True, capture_output=True, text=True).stdout)
        rows = members["members"] if isinstance(members, dict) else members
        target = rows[0]["email"]  # first by name: on every screen
        command = f"exec {binary} --db {db}"
        tmux("new-session", "-d", "-s", "soak", "-x", "100", "-y", "30", command)
        for _ in range(args.tuis - 1):
            tmux("new-window", "-t", "soak", command)
        count = f"{len(rows):,}"
        # Started: every pane shows the header with the whole team counted.
        started = wait_until(lambda: tmux.capture_all(args.tuis).count("clerk-team │") >= args.tuis, 120, 0.5)
        if not started:
            sys.exit("soak: not every interface started within 120 s")
        pids = [int(p) for p in tmux("list-panes", "-s", "-t", "soak", "-F", "#{pane_pid}").split()]
        time.sleep(3)  # let every index load finish before measuring idle

        t0, c0 = time.monotonic(), cpu_ns(pids)
        time.sleep(args.idle_seconds)
        t1, c1 = time.monotonic(), cpu_ns(pids)
        idle_rate = (c1 - c0) / (t1 - t0)  # ns of CPU per second, all together
        idle_pct = idle_rate / 1e9 * 100

        writes, shows, per_commit = [], [], []
        for k in range(1, args.commits + 1):
            name = f"Aaaa Soak {k:03d}"
            c_start, w0 = cpu_ns(pids), time.monotonic()
            subprocess.run([binary, "--db", db, "members", "rename", target, name], check=True, capture_output=True)
            w1 = time.monotonic()
            writes.append((w1 - w0) * 1000)
            seen = wait_until(lambda: tmux.capture_all(args.tuis).count(name) >= args.tuis, 10, 0.01)
            shown = time.monotonic()
            shows.append((shown - w0) if seen else float("inf"))
            time.sleep(0.5)  # the slowest poll has passed
            window = time.monotonic() - w0
            spent = cpu_ns(pids) - c_start - idle_rate * window
            per_commit.append(max(0.0, spent) / args.tuis / 1e6)
            time.sleep(0.5)

        alive = sum(1 for pid in pids if os.path.exists(f"/proc/{pid}"))
        print(f"soak: {args.tuis} interfaces on {count} members, {args.commits} outside commits ({alive} still running)")
        print(f"  idle CPU, all together:          {idle_pct:6.2f} % of a core   (target <= {TARGETS['idle_cpu_pct']} %)")
        print(f"  CPU per outside commit, per TUI: {statistics.median(per_commit):6.2f} ms median, {max(per_commit):.2f} max"
              f"   (target <= {TARGETS['cpu_per_commit_ms']} ms)")
        print(f"  CLI write while open:            {statistics.median(writes):6.1f} ms median, {max(writes):.1f} max"
              f"   (target median <= {TARGETS['write_median_ms']} ms)")
        print(f"  every screen shows the change:   {statistics.median(shows):6.2f} s median, {max(shows):.2f} s worst"
              f"   (target <= {TARGETS['all_screens_s']} s)")
    finally:
        tmux("kill-server", check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
