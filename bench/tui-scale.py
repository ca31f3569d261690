#!/usr/bin/env python3
"""Benchmark (not a test) of the full-screen interface on a large team.

Drives `clerk-team` through a pseudo-terminal as a user would feel it, on a
100,000-member demo workspace, and prints figures next to their targets.
Asserts nothing; the exit status is 0 whatever the figures.

How a response is measured (the same for clerk-team and for `less`):
  * a key is written to the terminal at t0;
  * output is read as it arrives, each read time-stamped;
  * the response is over once no byte has arrived for the quiet period
    (--quiet-ms, 30 ms); the latency is t0 -> the LAST byte of the response,
    not the end of the quiet window, which would add 30 ms to every figure;
  * output is drained before every key, so one key's bytes never count
    toward the next.
First paint is spawn -> last byte of the first burst of output that contains
the header ("clerk-team │ <workspace name>") and is followed by the quiet
period. The first screen is drawn before the whole member index has loaded,
so the time until filtering works on the whole index is measured too: spawn
-> the filter, typed right after the first paint, shows the LAST member by
name (a member no first screen holds; its email is the query, its name the
sign that it was found).

The figures include this harness's own cost (a pty round trip through
Python); it is printed as "measurement floor" (a raw-mode `cat` echoing one
byte).

Usage: bench/tui-scale.py --bin PATH/TO/clerk-team [--members N] [--db FILE]
       [--moves N] [--starts N] [--quiet-ms MS] [--prefix "CMD ARGS"]
--prefix runs the interface under another program, e.g. a profiler
(`--prefix "valgrind --tool=callgrind --callgrind-out-file=cg.out"` or
`--prefix "perf record -g -o perf.data --"`); the timings, CPU and memory
figures are then the profiler's, but the profile covers exactly this
workload (each start overwrites it: the last one is the key session).
"""

import argparse
import fcntl
import json
import math
import os
import re
import select
import shlex
import shutil
import signal
import struct
import subprocess
import tempfile
import termios
import time

COLS, ROWS = 100, 30
DEMO_NAME = "Clerk Demo Co."  # what `clerk-team demo` calls its workspace

TARGETS = {
    "first_paint_ms": 50.0,
    "move_p95_ms": 2.0,
    "filter_ms": 5.0,
    "bytes_per_move": 300.0,
    "rss_mb": 64.0,
}


def now():
    return time.perf_counter()


class Timeout(Exception):
    pass


class PtySession:
    """One program on its own pseudo-terminal of COLS x ROWS."""

    def __init__(self, argv, env, cols=COLS, rows=ROWS):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.set_blocking(self.master, False)
        self.poller = select.poll()
        self.poller.register(self.master, select.POLLIN)
        self.output = bytearray()  # everything read so far

        def controlling_terminal():
            # The new session's controlling terminal is the pty (as in a real login).
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.spawned_at = now()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, preexec_fn=controlling_terminal,
                                     close_fds=True)
        os.close(slave)

    @property
    def pid(self):
        return self.proc.pid

    def _read_once(self, wait_s):
        """Waits up to wait_s for output; returns (bytes, time read) or (b"", None)."""
        events = self.poller.poll(max(0, math.ceil(wait_s * 1000)))
        if not events:
            return b"", None
        try:
            data = os.read(self.master, 1 << 16)
        except BlockingIOError:
            return b"", None
        except OSError:  # EIO: the program has gone and the pty is closed
            data = b""
        t = now()
        if not data:
            raise Timeout("the program closed its terminal")
        self.output += data
        return data, t

    def response(self, quiet_s, timeout_s, done=None):
        """Reads until at least one byte arrived, `done(bytes so far)` holds,
        and then nothing arrives for quiet_s. Returns (bytes, first, last)."""
        buf = bytearray()
        first = last = None
        deadline = now() + timeout_s
        while True:
            if last is not None and (done is None or done(buf)):
                wait = last + quiet_s - now()
                if wait <= 0:
                    return bytes(buf), first, last
            else:
                wait = deadline - now()
                if wait <= 0:
                    raise Timeout(f"no complete response within {timeout_s} s ({len(buf)} bytes)")
            data, t = self._read_once(wait)
            if data:
                buf += data
                last = t
                if first is None:
                    first = t

    def drain(self, quiet_s):
        """Discards pending output until the terminal has been quiet for quiet_s."""
        dropped = 0
        while True:
            data, _ = self._read_once(quiet_s)
            if not data:
                return dropped
            dropped += len(data)

    def key(self, data, quiet_s, timeout_s):
        """Writes `data`; returns (latency to last byte in s, bytes of the response)."""
        self.drain(0)
        t0 = now()
        os.write(self.master, data)
        out, _first, last = self.response(quiet_s, timeout_s)
        return last - t0, len(out)

    def memory_kib(self):
        fields = {}
        try:
            with open(f"/proc/{self.pid}/status") as status:
                for line in status:
                    name, _, value = line.partition(":")
                    if name in ("VmRSS", "VmHWM"):
                        fields[name] = int(value.split()[0])
        except OSError:
            pass
        return fields

    def cpu_s(self):
        """CPU time the program has used so far (all its threads), from the scheduler."""
        total = 0
        try:
            for task in os.listdir(f"/proc/{self.pid}/task"):
                with open(f"/proc/{self.pid}/task/{task}/schedstat") as stat:
                    total += int(stat.read().split()[0])
        except (OSError, ValueError, IndexError):
            return float("nan")
        return total / 1e9

    def close(self, quit_key=None, wait_s=5.0):
        if quit_key is not None and self.proc.poll() is None:
            try:
                os.write(self.master, quit_key)
            except OSError:
                pass
        deadline = now() + wait_s
        while self.proc.poll() is None and now() < deadline:
            try:
                self._read_once(0.05)
            except Timeout:
                pass
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(wait_s)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        os.close(self.master)


# ---------------------------------------------------------------- statistics

def percentile(values, p):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def ms(seconds):
    return seconds * 1000


def summary(latencies):
    return {"n": len(latencies), "p50": ms(percentile(latencies, 50)),
            "p95": ms(percentile(latencies, 95)), "max": ms(max(latencies))}


# ---------------------------------------------------------------- workloads

def environment():
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("LC_") and k not in ("NO_COLOR", "LESS", "LESSOPEN", "LESSCLOSE", "COLUMNS", "LINES")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", LESSHISTFILE="-")
    return env


def header_seen(marker):
    return lambda buf: marker in buf


def first_paint(argv, env, marker, args, quit_key):
    """One start: spawn -> last byte of the first paint (s)."""
    session = PtySession(argv, env)
    try:
        _out, _first, last = session.response(args.quiet, args.timeout, done=header_seen(marker))
        return last - session.spawned_at, session.cpu_s()
    finally:
        session.close(quit_key)


def filter_ready(argv, env, marker, target, args):
    """One start: spawn -> first paint, and spawn -> the filter typed right
    after it shows `target` (query, name) found in the whole index (s)."""
    query, name = target
    session = PtySession(argv, env)
    try:
        _out, _first, painted = session.response(args.quiet, args.timeout, done=header_seen(marker))
        os.write(session.master, b"/" + query.encode())
        _out, _first, found = session.response(args.quiet, args.timeout, done=lambda buf: name.encode() in buf)
        return painted - session.spawned_at, found - session.spawned_at
    finally:
        session.close(b"\x1bq")


def moves(session, keys, args):
    latencies, sizes = [], []
    for key in keys:
        latency, size = session.key(key, args.quiet, args.timeout)
        latencies.append(latency)
        sizes.append(size)
    return latencies, sizes


def measured(session, keys, args):
    """Latencies and sizes of `keys`, plus the program's CPU time per key."""
    cpu = session.cpu_s()
    latencies, sizes = moves(session, keys, args)
    result = summary(latencies) | {"bytes_avg": sum(sizes) / len(sizes), "bytes_max": max(sizes),
                                   "cpu_ms": ms(session.cpu_s() - cpu) / len(keys)}
    return result


def starts_summary(samples):
    wall = [w for w, _ in samples]
    cpu = [c for _, c in samples]
    return {"n": len(wall), "p50": ms(percentile(wall, 50)), "max": ms(max(wall)), "min": ms(min(wall)),
            "cpu_ms": ms(percentile(cpu, 50))}


def measure_floor(env, args):
    """Raw-mode `cat`: one byte written to the pty and echoed back."""
    session = PtySession(["sh", "-c", "stty raw -echo; echo ready; exec cat"], env)
    try:
        session.response(args.quiet, args.timeout, done=lambda b: b"ready" in b)
        latencies, _ = moves(session, [b"x"] * 50, args)
        return summary(latencies)
    finally:
        session.close(b"\x04")


def measure_clerk(binary, db, marker, env, args):
    argv = shlex.split(args.prefix) + [binary, "--db", db]
    result = {}
    # Warm-up start: page cache, dynamic loader, SQLite file.
    first_paint(argv, env, marker, args, b"q")
    result["start"] = starts_summary([first_paint(argv, env, marker, args, b"q") for _ in range(args.starts)])
    ready = [filter_ready(argv, env, marker, args.last_member, args) for _ in range(args.starts)]
    result["filter_ready"] = {"n": len(ready), "p50": ms(percentile([r for _, r in ready], 50)),
                              "max": ms(max(r for _, r in ready)), "min": ms(min(r for _, r in ready)),
                              "paint_p50": ms(percentile([p for p, _ in ready], 50))}

    session = PtySession(argv, env)
    try:
        first_screen, _, _ = session.response(args.quiet, args.timeout, done=header_seen(marker))
        found = re.search(rb"(\d+) members", first_screen)
        result["members"] = int(found.group(1)) if found else None
        # Warm-up keys (not counted).
        moves(session, [b"j", b"k"] * 10, args)

        result["move_in_page"] = measured(session, [b"j", b"k"] * (args.moves // 2), args)
        # To the last visible row first (not counted), so that every measured `j` scrolls the list.
        moves(session, [b"j"] * ROWS, args)
        result["move_scroll"] = measured(session, [b"j"] * args.moves, args)
        result["memory_after_moves"] = session.memory_kib()

        moves(session, [b"g"], args)  # back to the top
        filters = {}
        for query in args.queries:
            session.key(b"/", args.quiet, args.timeout)
            filters[query] = measured(session, [c.encode() for c in query], args)
            # Widening again: every backspace searches the whole index.
            filters[query + " ⌫"] = measured(session, [b"\x7f"] * min(3, len(query)), args)
            filters[query + " Esc"] = measured(session, [b"\x1b"], args)
        result["filter"] = filters
        result["memory_end"] = session.memory_kib()
    finally:
        session.close(b"q")
    return result


def measure_less(path, first_line, env, args):
    argv = ["less", path]
    result = {}
    first_paint(argv, env, first_line, args, b"q")
    result["start"] = starts_summary([first_paint(argv, env, first_line, args, b"q") for _ in range(args.starts)])
    session = PtySession(argv, env)
    try:
        session.response(args.quiet, args.timeout, done=header_seen(first_line))
        moves(session, [b"j", b"k"] * 10, args)
        result["move_in_page"] = measured(session, [b"j", b"k"] * (args.moves // 2), args)
        result["move_scroll"] = measured(session, [b"j"] * args.moves, args)
        result["memory_after_moves"] = session.memory_kib()
    finally:
        session.close(b"q")
    return result


# ---------------------------------------------------------------- report

def mark(ok):
    return "✓" if ok else "✗"


def print_report(clerk, less, floor, args):
    def num(x, digits=2):
        return "-" if x is None else f"{x:.{digits}f}"

    def row(label, m, verdict="", comparison="", digits=2):
        cpu = num(m.get("cpu_ms"), digits)
        size = f"{m['bytes_avg']:.0f}/{m['bytes_max']}" if "bytes_avg" in m else ""
        print(f"  {label:<34}{num(m['p50'], digits):>8}{num(m.get('p95'), digits):>8}{num(m['max'], digits):>8}"
              f"{cpu:>9}{size:>10}  {verdict:<22}{comparison}")

    def less_row(m, digits=2):
        if not m:
            return ""
        size = f", {m['bytes_avg']:.0f}/{m['bytes_max']} B" if "bytes_avg" in m else ""
        return f"{num(m['p50'], digits)} / {num(m.get('p95'), digits)} / {num(m['max'], digits)}{size}"

    t = TARGETS
    members = clerk.get("members") or "?"
    print(f"\nclerk-team TUI, {members} members, {COLS}x{ROWS}, TERM=xterm-256color, LANG=C.UTF-8")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; quiet period {args.quiet * 1000:.0f} ms;"
          f" measurement floor (pty echo by a raw-mode cat): p50 {floor['p50']:.2f} ms, max {floor['max']:.2f} ms")
    print(f"  {'':<34}{'p50':>8}{'p95':>8}{'max':>8}{'CPU/key':>9}{'bytes':>10}  {'target':<22}"
          f"{'less: p50 / p95 / max, bytes' if less else ''}")
    print(f"  {'':<34}{'ms':>8}{'ms':>8}{'ms':>8}{'ms':>9}{'avg/max':>10}")

    s = clerk["start"]
    row(f"first paint ({s['n']} starts)", s | {"p95": None},
        f"≤ {t['first_paint_ms']:.0f} ms p50 {mark(s['p50'] <= t['first_paint_ms'])}",
        less_row(less and (less["start"] | {"p95": None}), 1), digits=1)

    r = clerk["filter_ready"]
    row(f"filter works on the whole index ({r['n']})", r | {"p95": None},
        "(no target yet)",
        f"(spawn -> last member found; first paint in these starts p50 {r['paint_p50']:.1f} ms)", digits=1)

    for key, label, less_label in (("move_in_page", "one-row move in page, j/k", "move_in_page"),
                                   ("move_scroll", "one-row move scrolling, j", "move_scroll")):
        m = clerk[key]
        verdict = (f"p95 ≤ {t['move_p95_ms']:.0f} {mark(m['p95'] <= t['move_p95_ms'])}, "
                   f"≤ {t['bytes_per_move']:.0f} B {mark(m['bytes_avg'] <= t['bytes_per_move'])}")
        row(f"{label} ({m['n']})", m, verdict, less_row(less and less[less_label]))

    for query, m in clerk["filter"].items():
        if query.endswith(" Esc"):
            row(f"  Esc: clear filter", m, "(25 ms is ESCDELAY)")
        elif query.endswith(" ⌫"):
            row(f"  backspace, widening ({m['n']})", m, f"p95 ≤ {t['filter_ms']:.0f} {mark(m['p95'] <= t['filter_ms'])}")
        else:
            row(f"filter '{query}' ({m['n']} keys)", m, f"p95 ≤ {t['filter_ms']:.0f} {mark(m['p95'] <= t['filter_ms'])}")

    rss = clerk["memory_after_moves"].get("VmRSS", 0) / 1024
    peak = clerk["memory_end"].get("VmHWM", 0) / 1024
    less_rss = less["memory_after_moves"].get("VmRSS", 0) / 1024 if less else None
    print(f"  {'RSS after the moves (VmRSS)':<34}{rss:>8.1f} MB{'':<33}≤ {t['rss_mb']:.0f} MB {mark(rss <= t['rss_mb'])}"
          f"{'':<13}{f'{less_rss:.1f} MB' if less else ''}")
    print(f"  {'peak RSS (VmHWM, at the end)':<34}{peak:>8.1f} MB{'':<33}≤ {t['rss_mb']:.0f} MB {mark(peak <= t['rss_mb'])}")
    print("  Latency: key written -> last byte of the response (first paint: spawn -> last byte of the first screen).")
    print("  CPU/key: the program's own CPU time (from the scheduler; for first paint, all of it until then), so"
          " noise from\n  other work on the machine shows as latency above CPU.")
    if less:
        print("  less has no selection bar: its j and k both scroll the text by one line.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True, help="the clerk-team executable (release build)")
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--db", help="an existing workspace you are bound to, e.g. one made by `clerk-team demo`"
                                     " (default: build a demo of --members in a temporary folder)")
    parser.add_argument("--moves", type=int, default=200, help="keys per move measurement (at least 2)")
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--quiet-ms", type=float, default=30.0)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for any one response")
    parser.add_argument("--queries", nargs="+", default=["ana", "ana-maria garcia"])
    parser.add_argument("--prefix", default="", help="run the interface under this command (profilers)")
    parser.add_argument("--no-less", action="store_true", help="skip the `less` comparison")
    args = parser.parse_args()
    args.quiet = args.quiet_ms / 1000
    args.moves = max(2, args.moves)

    binary = os.path.abspath(args.bin)
    env = environment()
    workdir = tempfile.mkdtemp(prefix="tui-scale.")
    try:
        name = DEMO_NAME
        db = args.db
        if db is None:
            db = os.path.join(workdir, "demo.db")
            started = now()
            done = subprocess.run([binary, "demo", "--db", db, "--members", str(args.members), "--no-tui"],
                                  env=env, capture_output=True, text=True, check=True)
            found = re.search(r"demo workspace '([^']*)'", done.stdout)
            name = found.group(1) if found else DEMO_NAME
            print(f"demo --members {args.members}: {ms(now() - started):.0f} ms")
        marker = ("clerk-team │ " + name).encode()
        # The last member by name: on no first screen, found only in the whole index.
        listed = json.loads(subprocess.run([binary, "--db", db, "members", "list", "--json"], env=env,
                                           capture_output=True, text=True, check=True).stdout)
        last = listed[-1]
        args.last_member = (last["email"], last["name"][:20])

        floor = measure_floor(env, args)
        clerk = measure_clerk(binary, db, marker, env, args)

        less = None
        if not args.no_less and shutil.which("less"):
            text_path = os.path.join(workdir, "members.txt")
            with open(text_path, "w") as out:
                subprocess.run([binary, "--db", db, "members", "list"], env=env, stdout=out, check=True)
            with open(text_path, "rb") as text:
                lines = text.read().splitlines()
            print(f"less: {len(lines)} lines of `members list`")
            first_line = lines[0][:40].rstrip()
            less = measure_less(text_path, first_line, env, args)

        print_report(clerk, less, floor, args)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
