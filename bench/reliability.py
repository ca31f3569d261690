#!/usr/bin/env python3
"""Benchmark (not a test): the reliability figures of an outside review,
measured again on the installed binary. Prints counts; asserts nothing.

  crash        kill -9 during `invites import` / `invite`, then: integrity,
               all-or-none invitations (with their mail and audit rows),
               spooled mail matching its recorded hash, `audit verify`
  concurrency  writers x edits (`members rename`, one process each) at once:
               lost edits, locked/busy failures, latency
  accept       parallel `accept -` of one token: winners and what losers read
  fuzz         clerk-fuzz in batches (a crash is narrowed to its run), then a
               sample of hostile command lines through the binary
  injection    hostile names, emails, inbox names, contacts, messages and
               audit rows planted in a workspace; every listing, text and
               JSON, checked for raw escapes, C0/C1 controls and bidi controls

Usage: reliability.py --bin CLERK_TEAM --fuzz-bin CLERK_FUZZ [--only PART,...]
       [--crash-rounds 200] [--crash-rows 400] [--writers 4] [--edits 500]
       [--accepts 30] [--accept-rounds 5] [--fuzz-runs 32000] [--cli-runs 500] [--seed N]
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter


class Workspace:
    """A workspace in its own folder: config with the .eml folder transport
    (nothing is sent), XDG folders, and the binary run with that environment."""

    def __init__(self, binary, root, name):
        self.binary = binary
        self.dir = os.path.join(root, name)
        os.makedirs(self.dir)
        self.db = os.path.join(self.dir, "ws.db")
        self.mail = os.path.join(self.dir, "mail")
        config = os.path.join(self.dir, "config.json")
        with open(config, "w") as f:
            json.dump({"transport": {"kind": "folder", "path": self.mail}, "from": "team@acme.test"}, f)
        os.chmod(config, 0o600)
        self.env = dict(os.environ, CLERK_TEAM_DB=self.db, CLERK_TEAM_CONFIG=config, HOME=self.dir,
                        XDG_DATA_HOME=os.path.join(self.dir, "data"), XDG_CONFIG_HOME=os.path.join(self.dir, "config"))
        self.env.pop("CLERK_TEAM_AS", None)

    def start(self, *args, stdin=subprocess.DEVNULL):
        return subprocess.Popen([self.binary, *args], env=self.env, cwd=self.dir, stdin=stdin,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def run(self, *args, stdin=None, timeout=120):
        started = time.monotonic()
        done = subprocess.run([self.binary, *args], env=self.env, cwd=self.dir, input=stdin,
                              capture_output=True, timeout=timeout)
        return done.returncode, done.stdout, done.stderr, time.monotonic() - started

    def ok(self, *args, stdin=None):
        code, out, err, _ = self.run(*args, stdin=stdin)
        if code != 0:
            raise SystemExit(f"setup failed: clerk-team {' '.join(args)}: exit {code}: {err.decode(errors='replace')}")
        return out.decode()

    def init(self):
        self.ok("init", "--workspace", "Acme", "--admin-email", "boss@acme.test")
        self.ok("inboxes", "add", "+14155550100", "--name", "Support", "--public")
        return self

    def read(self):
        """The file as it is on disk, read-only (never through the binary)."""
        return sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=30)

    def tokens(self):
        """Invitation tokens in the .eml files, oldest mail first (the line that is only the token)."""
        names = sorted((n for n in os.listdir(self.mail) if n.endswith(".eml")) if os.path.isdir(self.mail) else [],
                       key=lambda n: int(re.match(r"mail-(\d+)", n).group(1)) if re.match(r"mail-(\d+)", n) else 0)
        found = []
        for name in names:
            with open(os.path.join(self.mail, name), encoding="utf-8", errors="replace") as f:
                for line in f:
                    line = line.strip()
                    if len(line) == 52 and re.fullmatch(r"[a-z2-7]+", line):
                        found.append(line)
        return found


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ms(seconds):
    return f"{seconds * 1000:.0f} ms"


# ---------------------------------------------------------------- crash

def crash(args, root, rng):
    ws = Workspace(args.bin, root, "crash").init()
    spool = ws.db + "-outbox"
    corrupt = partial = broken = spool_bad = 0
    killed_running = finished_first = failed_first = 0
    examples = []
    for round_ in range(args.crash_rounds):
        bulk = round_ % 2 == 0
        if bulk:
            path = os.path.join(ws.dir, f"c{round_}.csv")
            with open(path, "w") as f:
                f.write("email,role,inbox\n")
                for j in range(args.crash_rows):
                    f.write(f"c{round_}-{j}@example.com,{('member', 'agent')[j % 2]},+14155550100\n")
            process = ws.start("invites", "import", path)
            expected = args.crash_rows
        else:
            process = ws.start("invite", f"c{round_}@example.com", "--role", "member", "--inbox", "+14155550100")
            expected = 1
        time.sleep(rng.uniform(0, 0.3))
        if process.poll() is None:
            killed_running += 1
        else:
            finished_first += 1
            if process.returncode != 0:  # e.g. a lock left behind by the last kill
                failed_first += 1
                examples.append(f"round {round_}: finished before the kill with exit {process.returncode}: "
                                f"{process.stderr.read().decode(errors='replace').strip()[:200]}")
        try:
            process.kill()  # SIGKILL
        except ProcessLookupError:
            pass
        process.communicate()

        db = ws.read()
        try:
            result = db.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                corrupt += 1
                examples.append(f"round {round_}: integrity_check {result[:3]}")
            pattern = f"c{round_}-%@example.com" if bulk else f"c{round_}@example.com"
            ids = [row[0] for row in db.execute("SELECT id FROM invitations WHERE email LIKE ?", (pattern,))]
            mails = db.execute(f"SELECT count(*) FROM outbox WHERE invitation_id IN (SELECT id FROM invitations WHERE email LIKE ?)",
                               (pattern,)).fetchone()[0]
            audited = db.execute("SELECT count(*) FROM audit WHERE action = 'invitation.create' AND target LIKE ?",
                                 (pattern,)).fetchone()[0]
            if len(ids) not in (0, expected) or mails != len(ids) or audited != len(ids):
                partial += 1
                examples.append(f"round {round_}: {len(ids)} of {expected} invitations, {mails} mails, {audited} audit rows")
            # Every mail still queued must be in the spool exactly as recorded.
            for file, offset, length, digest in db.execute(
                    "SELECT spool_file, spool_offset, spool_length, spool_sha256 FROM outbox WHERE status = 'queued' AND "
                    "invitation_id IN (SELECT id FROM invitations WHERE email LIKE ?)", (pattern,)):
                try:
                    with open(os.path.join(spool, file), "rb") as f:
                        f.seek(offset)
                        data = f.read(length)
                except OSError:
                    data = b""
                if len(data) != length or (digest is not None and hashlib.sha256(data).digest() != digest):
                    spool_bad += 1
                    if spool_bad <= 3:
                        examples.append(f"round {round_}: spooled mail {file}@{offset} missing or changed")
        finally:
            db.close()
        code, _, err, _ = ws.run("audit", "verify")
        if code != 0:
            broken += 1
            examples.append(f"round {round_}: audit verify exit {code}: {err.decode(errors='replace').strip()[:200]}")
    db = ws.read()
    invitations = db.execute("SELECT count(*) FROM invitations").fetchone()[0]
    db.close()
    print(f"crash: {args.crash_rounds} kill -9 ({args.crash_rounds - args.crash_rounds // 2} during a {args.crash_rows}-row "
          f"`invites import`, {args.crash_rounds // 2} during `invite`; {killed_running} killed while running, "
          f"{finished_first} had already finished, {failed_first} of them with an error)")
    print(f"crash: {corrupt} corrupt, {partial} partial, {broken} audit chains broken, "
          f"{spool_bad} queued mails missing or changed in the spool ({invitations} invitations in the file at the end)")
    for line in examples[:10]:
        print(f"  {line}")
    return {"corrupt": corrupt, "partial": partial, "chain_broken": broken, "spool_bad": spool_bad}


# ---------------------------------------------------------------- concurrency

def concurrency(args, root, rng):
    ws = Workspace(args.bin, root, "concurrency").init()
    per_writer = 5
    owned = {}
    for writer in range(args.writers):
        owned[writer] = []
        for k in range(per_writer):
            email = f"w{writer}m{k}@example.com"
            ws.ok("invite", email, "--role", "agent")
            token = ws.tokens()[-1]
            ws.ok("accept", "-", "--login", f"w{writer}m{k}", stdin=(token + "\n").encode())
            owned[writer].append(email)
    # The same edit with nobody else writing: what the latency under contention compares with.
    alone = [ws.run("members", "rename", owned[0][0], f"alone {j}")[3] for j in range(args.edits // 10)]
    db = ws.read()
    first_new = db.execute("SELECT coalesce(max(id), 0) + 1 FROM audit").fetchone()[0]
    db.close()

    results = {w: [] for w in range(args.writers)}
    barrier = threading.Barrier(args.writers)

    def writer(w):
        barrier.wait()
        for j in range(args.edits):
            email = owned[w][j % per_writer]
            name = f"W{w} edit {j}"
            code, out, err, seconds = ws.run("members", "rename", email, name)
            results[w].append((email, name, code, err.decode(errors="replace"), seconds))

    started = time.monotonic()
    threads = [threading.Thread(target=writer, args=(w,)) for w in range(args.writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started

    db = ws.read()
    audited = Counter()
    for target, after in db.execute("SELECT target, after FROM audit WHERE id >= ? AND action = 'member.rename'", (first_new,)):
        try:
            audited[(target, json.loads(after).get("name"))] += 1
        except (TypeError, ValueError):
            pass
    final = dict(db.execute("SELECT email, name FROM members"))
    db.close()

    all_edits = [edit for w in results for edit in results[w]]
    ok = [e for e in all_edits if e[2] == 0]
    failed = [e for e in all_edits if e[2] != 0]
    locked = [e for e in failed if re.search(r"locked|busy", e[3], re.I)]
    lost = [e for e in ok if audited[(e[0], e[1])] != 1]
    stale = 0
    for w in results:
        last = {}
        for email, name, code, _, _ in results[w]:
            if code == 0:
                last[email] = name
        stale += sum(1 for email, name in last.items() if final.get(email) != name)
    latencies = [e[4] for e in all_edits]
    code, _, _, _ = ws.run("audit", "verify")
    print(f"concurrency: {args.writers} writers x {args.edits} edits (`members rename`, one process each), all at once, "
          f"{len(all_edits)} edits in {wall:.1f} s")
    print(f"concurrency: {len(lost) + stale} lost ({len(lost)} without their one audit row, {stale} final names not the last "
          f"written), {len(locked)} locked/busy, {len(failed)} failed in all; latency p50 {ms(percentile(latencies, 50))}, "
          f"p95 {ms(percentile(latencies, 95))}, max {ms(max(latencies))}; audit verify exit {code}")
    print(f"concurrency: the same edit with no other writer ({len(alone)} runs first): p50 {ms(percentile(alone, 50))}, "
          f"p95 {ms(percentile(alone, 95))}")
    for e in failed[:5]:
        print(f"  failed: {e[0]} -> {e[1]}: exit {e[2]}: {e[3].strip()[:200]}")
    return {"lost": len(lost) + stale, "locked": len(locked), "failed": len(failed),
            "p95_ms": percentile(latencies, 95) * 1000}


# ---------------------------------------------------------------- accept race

def accept_race(args, root, rng):
    ws = Workspace(args.bin, root, "accept").init()
    as_root = os.geteuid() == 0
    rounds = []
    told = Counter()
    for round_ in range(args.accept_rounds):
        ws.ok("invite", f"race{round_}@example.com", "--role", "member")
        token = ws.tokens()[-1]
        processes = []
        for k in range(args.accepts):
            login = ["--login", f"racer{round_}x{k}"] if as_root else []
            processes.append(ws.start("accept", "-", *login, stdin=subprocess.PIPE))
        # Every process is loaded and waiting on its standard input; the token reaches them all at once.
        for p in processes:
            p.stdin.write((token + "\n").encode())
        for p in processes:
            p.stdin.close()
        outcomes = [(p.wait(timeout=120), p.stdout.read().decode(errors="replace"), p.stderr.read().decode(errors="replace"))
                    for p in processes]
        winners = [o for o in outcomes if o[0] == 0]
        for code, _, err in outcomes:
            if code != 0:
                told[f"exit {code}: {err.strip()}"] += 1
        db = ws.read()
        bound = db.execute("SELECT count(*) FROM members WHERE email = ?", (f"race{round_}@example.com",)).fetchone()[0]
        db.close()
        rounds.append((len(winners), bound))
    exact = sum(1 for winners, bound in rounds if winners == 1 and bound == 1)
    print(f"accept: {args.accept_rounds} rounds of {args.accepts} parallel `accept -` of one token (token on stdin, "
          f"{'a login each' if as_root else 'all with your login: not root'}): winners per round "
          f"{[w for w, _ in rounds]}, members made per round {[b for _, b in rounds]}; "
          f"{exact}/{args.accept_rounds} rounds with exactly one winner")
    for message, count in told.most_common(5):
        print(f"  {count} losers were told: {message[:200]}")
    return {"rounds_one_winner": exact, "rounds": args.accept_rounds}


# ---------------------------------------------------------------- fuzz

# Terminal-active characters: ESC and the other C0 controls (line feed and tab
# aside), DEL, C1 controls, bidi marks/embeddings/overrides/isolates, line and
# paragraph separators; and raw bytes 0x80-0x9F outside UTF-8 (an 8-bit CSI).
ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\udc80-\udc9f]")


def shown(text):
    """An argument as this script prints it: never a raw control on its own terminal."""
    return text if text.isprintable() else ascii(text)


def leaks_in(data):
    return ACTIVE.findall(data.decode("utf-8", errors="surrogateescape"))


HOSTILE = ["\x1b[2J", "\x1b[31m", "\x1b]0;owned\x07", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "\u009b31m", "\u0085", "\x07",
           "\x00", "\x7f", "\x08\x08", "\r", "\n", "\t", "\u202e", "\u2066", "\u200f", "\u2028", "\ufeff", "\u0301\u0302\u0303",
           "👨‍👩‍👧‍👦", "👍🏽", "🇯🇵", "🇺", "漢字", "ｶﾞ", "नमस्ते क्षत्रिय", "தமிழ்", "\u1100\u1161\u11a8", "مرحبا", "@", "+", ",",
           ";", "\"", "'", "\\", ":", "{", "}", "[", "]", "- ", "&a", "*a", "null", "+14155550100", "since:", "actor:", "x" * 300]


def hostile(rng, base=""):
    text = list(base)
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(text))
        text[at:at] = list(rng.choice(HOSTILE) if rng.random() < 0.8 else chr(rng.randint(1, 0x2FFFF)))
    return "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)


def hostile_bytes(rng, text):
    data = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(0, 3)):
        at = rng.randint(0, len(data))
        data[at:at] = rng.choice([b"\x80", b"\x9b", b"\xc0\xaf", b"\xed\xa0\x80", b"\xff", b"\xe2\x80", b"\x1b"])
    return bytes(data)


TEMPLATES = {
    "invites": "email,role,inbox\nann@example.com,agent,\"+14155550100;+14155550101\"\nbob@example.com,member,\n",
    "contacts": "phone,name\n+14155550123,Ann Lee\n\"+1 415 555 0124\",\"Bob, Jr.\"\n",
    "messages": '{"inbox":"+14155550100","contact":"+14155550123","direction":"in","at":"2026-11-30T10:00:00Z","text":"hello"}\n',
    "roster": "roster: 1\ninboxes:\n  - phone: \"+14155550100\"\n    name: Support\n    visibility: public\nmembers:\n"
              "  - email: boss@acme.test\n    name: Boss\n    role: workspace-admin\n    status: active\n"
              "  - email: new@acme.test\n    role: agent\n    status: invited\n",
}


def fuzz(args, root, rng):
    # In process: clerk-fuzz in batches; a batch that dies is run again run by run to name the runs that crash.
    batch = 500
    totals = Counter()
    crashes, hangs, examples, slow = [], [], [], []

    def one(start, count, timeout):
        try:
            done = subprocess.run([args.fuzz_bin, "--seed", str(args.seed), "--from", str(start), "--count", str(count)],
                                  capture_output=True, timeout=timeout, cwd=root)
        except subprocess.TimeoutExpired:
            return "hang", None
        if done.returncode != 0:
            return f"exit {done.returncode} ({done.stderr.decode(errors='replace').strip()[-200:]})", None
        return None, json.loads(done.stdout)

    def batch_of(start):
        count = min(batch, args.fuzz_runs - start)
        failure, summary = one(start, count, 900)
        if failure is None:
            return [summary], [], []
        summaries, crashed, hung = [], [], []
        for run in range(start, start + count):
            failure, summary = one(run, 1, 120)
            if failure is None:
                summaries.append(summary)
            elif failure == "hang":
                hung.append(run)
            else:
                crashed.append((run, failure))
        return summaries, crashed, hung

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for summaries, crashed, hung in pool.map(batch_of, range(0, args.fuzz_runs, batch)):
            for s in summaries:
                for key in ("runs", "accepted", "refused", "texts_checked", "leaks", "json_mismatches", "width_mismatches"):
                    totals[key] += s[key]
                examples += s["examples"]
                slow += s.get("slow", [])
            crashes += crashed
            hangs += hung
    in_process = time.monotonic() - started
    print(f"fuzz: {args.fuzz_runs} in-process runs (seed {args.seed}; emails, phone numbers, names, invitation CSV, contact CSV, "
          f"message lines, roster files, audit filters, email lists, terminal text) in {in_process:.0f} s: "
          f"{len(crashes)} crashes, {len(hangs)} hangs (over 120 s), {len(slow)} runs over 1 s; "
          f"{totals['accepted']} inputs accepted, {totals['refused']} refused")
    for run, failure in crashes[:5]:
        print(f"  crash: clerk-fuzz --seed {args.seed} --from {run} --count 1 --show: {failure}")
    for run in hangs[:5]:
        print(f"  hang: clerk-fuzz --seed {args.seed} --from {run} --count 1 --show")
    for line in slow[:5]:
        print(f"  slow: {line} (clerk-fuzz --seed {args.seed} --from RUN --count 1 --show)")

    # Through the binary: hostile files and arguments to the commands that read them.
    ws = Workspace(args.bin, root, "fuzz-cli").init()
    cli_crashes, cli_hangs, cli_leaks, codes = [], [], [], Counter()
    started = time.monotonic()
    for run in range(args.cli_runs):
        kind = run % 8
        path = os.path.join(ws.dir, "input")
        if kind < 4:
            name = ["invites", "contacts", "messages", "roster"][kind]
            text = hostile(rng, TEMPLATES[name])
            data = hostile_bytes(rng, text) if rng.random() < 0.2 else text.encode("utf-8", errors="surrogatepass")
            with open(path, "wb") as f:
                f.write(data)
            argv = {"invites": ["invites", "import", path, "--dry-run"], "contacts": ["contacts", "import", path, "--dry-run"],
                    "messages": ["messages", "import", path, "--dry-run"], "roster": ["roster", "apply", path, "--dry-run"]}[name]
        else:
            value = hostile(rng, rng.choice(["ann@example.com", "+14155550100", "Ann Lee", "2026-11-30"]))
            argv = [["audit", "show", "--actor", value], ["invite", value, "--role", "member"],
                    ["members", "rename", "boss@acme.test", value], ["inboxes", "add", "+14155550177", "--name", value]][kind - 4]
        if rng.random() < 0.3 and argv[0] != "invite":
            argv.append("--json")
        argv = [a.replace("\x00", "") for a in argv]  # a command line cannot hold NUL
        try:
            code, out, err, _ = ws.run(*argv, timeout=60)
        except subprocess.TimeoutExpired:
            cli_hangs.append(argv)
            continue
        codes[code] += 1
        if code not in (0, 1, 2):
            cli_crashes.append((argv, code, err[-200:]))
        found = leaks_in(out) + leaks_in(err)
        if found:
            cli_leaks.append((argv[:3], sorted(set(found))))
        if code == 0 and argv[0] == "members":  # keep the boss's name plain for the next runs
            ws.run("members", "rename", "boss@acme.test", "Boss")
    cli_seconds = time.monotonic() - started
    print(f"fuzz: {args.cli_runs} hostile command lines through the binary (imports --dry-run of hostile and non-UTF-8 files, "
          f"roster apply --dry-run, audit --actor, invite, rename, inbox names) in {cli_seconds:.0f} s: "
          f"{len(cli_crashes)} crashes, {len(cli_hangs)} hangs, {len(cli_leaks)} outputs with a raw control; "
          f"exit statuses {dict(sorted(codes.items()))}")
    for argv, code, err in cli_crashes[:5]:
        print(f"  crash: {ascii(argv[:3])} exit {code}: {err!r}")
    for argv, found in cli_leaks[:5]:
        print(f"  leak: {ascii(argv)} printed {[hex(ord(c)) for c in found]}")
    return {"crashes": len(crashes) + len(cli_crashes), "hangs": len(hangs) + len(cli_hangs),
            "leaks": totals["leaks"] + len(cli_leaks), "width": totals["width_mismatches"],
            "json": totals["json_mismatches"], "texts": totals["texts_checked"], "examples": examples}


# ---------------------------------------------------------------- injection

PLANTED = "Eve\x1b[2J\x1b[31m\u009b1m\u202eevil\u2066\x07\r\x08\x1b]0;owned\x07\x1b]8;;http://x\x1b\\ok\x1b]8;;\x1b\\\u2028z"


def injection(args, root, rng, fuzz_result):
    ws = Workspace(args.bin, root, "injection").init()
    ws.ok("invite", "eve@example.com", "--role", "agent", "--inbox", "+14155550100")
    if os.geteuid() == 0:  # binding another login needs the superuser; otherwise eve stays invited
        ws.ok("accept", "-", "--login", "eve", stdin=(ws.tokens()[-1] + "\n").encode())
    ws.ok("contacts", "add", "+14155550123", "--name", "Ann")
    messages = os.path.join(ws.dir, "m.jsonl")
    with open(messages, "w") as f:
        # Message text arrives from outside: it may hold anything, and is stored as it came.
        f.write(json.dumps({"inbox": "+14155550100", "contact": "+14155550123", "direction": "in",
                            "at": "2026-11-30T10:00:00Z", "text": PLANTED}) + "\n")
    ws.ok("messages", "import", messages)
    # The rest cannot be typed in (names and emails with controls are refused at input):
    # planted in the file, as a hand edit or an older version could have left them.
    hostile_email = "ev\x1b[2Jil\u202e@example.com"
    db = sqlite3.connect(ws.db, timeout=30)
    with db:
        db.execute("UPDATE members SET name = ? WHERE email = 'boss@acme.test'", (PLANTED,))
        db.execute("UPDATE members SET name = ?, email = ? WHERE email = 'eve@example.com'", (PLANTED, hostile_email))
        db.execute("UPDATE inboxes SET name = ? WHERE phone = '+14155550100'", (PLANTED,))
        db.execute("UPDATE contacts SET name = ? WHERE phone = '+14155550123'", (PLANTED,))
        db.execute("INSERT INTO audit (at, actor, os_login, via_as, interface, action, target, before, after) "
                   "VALUES (strftime('%s','now'), ?, ?, 0, 'cli', ?, ?, ?, ?)",
                   (hostile_email, "ro\x1b[0mot", "member.rename\x1b[2J", PLANTED, json.dumps({"name": PLANTED}), PLANTED))
    db.close()
    commands = [["members", "list"], ["members", "show", "boss@acme.test"], ["inboxes", "list"],
                ["contacts", "list"], ["contacts", "show", "+14155550123"], ["messages", "threads", "+14155550100"],
                ["messages", "show", "+14155550100", "+14155550123"], ["audit", "show"], ["audit", "show", "--actor", "ev"],
                ["who-holds", "view-messages"], ["explain", "boss@acme.test", "view-messages"], ["roster", "export"],
                ["invites", "list"], ["review"], ["members", "rename", hostile_email, "x\x1b[2J"], ["can", "x\x1b[2J@y.z", "add-inbox"]]
    leaked, ran, refused, showed = [], 0, [], 0
    for argv in commands:
        for variant in ([argv, argv + ["--json"]] if argv[0] not in ("roster", "review") else [argv]):
            code, out, err, _ = ws.run(*variant)
            if code == 2 and b"--json" in b" ".join(a.encode() for a in variant):
                continue  # a command without --json
            ran += 1
            if code != 0:
                refused.append((variant[:2], code))
            found = leaks_in(out) + leaks_in(err)
            if found:
                leaked.append((variant, sorted(set(found))))
            if b"evil" in out + err or b"ev\\x1b" in out + err or b"ev\\u001b" in out + err:
                showed += 1  # the planted text was printed (escaped), so the check saw it
    fuzz_leaks = fuzz_result["leaks"] if fuzz_result else 0
    width = fuzz_result["width"] if fuzz_result else 0
    print(f"injection: {ran} listings (text and --json) of a workspace with escapes, C1 controls and bidi overrides planted in "
          f"member names and emails, an inbox name, a contact name, a message and an audit row: {len(leaked)} with a raw control "
          f"({showed} showed planted text, escaped; {len(refused)} exited non-zero: "
          f"{', '.join(' '.join(map(shown, v)) + f' exit {c}' for v, c in refused)})")
    for variant, found in leaked[:8]:
        print(f"  leak: clerk-team {' '.join(map(shown, variant))} printed "
              f"{[hex(ord(c)) for c in found]}")
    if fuzz_result:
        print(f"injection: {fuzz_result['texts']} fuzzed texts through the sanitiser, the JSON writer and the grid: "
              f"{fuzz_leaks} leaks, {fuzz_result['json']} JSON strings not read back as written, "
              f"{width} width disagreements (measured width against cells drawn, padded and cut columns)")
        for example in fuzz_result["examples"][:8]:
            print(f"  {example}")
    return {"leaks": len(leaked) + fuzz_leaks, "width": width}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--fuzz-bin", required=True)
    parser.add_argument("--only", default="crash,concurrency,accept,fuzz,injection")
    parser.add_argument("--crash-rounds", type=int, default=200)
    parser.add_argument("--crash-rows", type=int, default=400)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--accepts", type=int, default=30)
    parser.add_argument("--accept-rounds", type=int, default=5)
    parser.add_argument("--fuzz-runs", type=int, default=32_000)
    parser.add_argument("--cli-runs", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=2, help="fuzz batches run at once")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--keep", action="store_true", help="keep the workspaces (path printed)")
    args = parser.parse_args()
    args.bin, args.fuzz_bin = os.path.abspath(args.bin), os.path.abspath(args.fuzz_bin)
    parts = args.only.split(",")
    rng = random.Random(args.seed)
    root = tempfile.mkdtemp(prefix="clerk-reliability-")
    load = os.getloadavg()
    print(f"reliability: {args.bin}, seed {args.seed}, {os.cpu_count()} cores, load average {load[0]:.1f} at the start")
    started = time.monotonic()
    summary = {}
    try:
        for part, fn in (("crash", crash), ("concurrency", concurrency), ("accept", accept_race), ("fuzz", fuzz)):
            if part in parts:
                t = time.monotonic()
                summary[part] = fn(args, root, rng)
                print(f"  ({part}: {time.monotonic() - t:.0f} s)")
                sys.stdout.flush()
        if "injection" in parts:
            t = time.monotonic()
            summary["injection"] = injection(args, root, rng, summary.get("fuzz"))
            print(f"  (injection: {time.monotonic() - t:.0f} s)")
    finally:
        if args.keep:
            print(f"workspaces kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    load = os.getloadavg()
    print(f"reliability: done in {time.monotonic() - started:.0f} s, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
          f"(1/5/15 min) at the end")


if __name__ == "__main__":
    main()
