#!/usr/bin/env python3
"""A real SMTP server on loopback for clerk-team's delivery tests.

Usage: smtp_sink.py FOLDER [LIFETIME_SECONDS]

Listens on 127.0.0.1 on a free port and prints "PORT <n>" once ready. Each
message received is stored as FOLDER/<n>.eml (the bytes as received), with
FOLDER/<n>.rcpt holding the envelope (JSON), written before the .eml
appears. Stops on SIGTERM/SIGINT, or by itself after LIFETIME_SECONDS
(default 300), so a test that dies never leaves it running for long.
"""
import asyncio
import json
import os
import signal
import sys

from aiosmtpd.smtp import SMTP


class Store:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.folder, "%04d" % self.count)
        with open(base + ".rcpt", "w") as envelope_file:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, envelope_file)
        with open(base + ".tmp", "wb") as message_file:
            message_file.write(envelope.original_content or envelope.content)
        os.rename(base + ".tmp", base + ".eml")
        return "250 OK stored"


async def serve(folder, lifetime):
    loop = asyncio.get_running_loop()
    handler = Store(folder)
    server = await loop.create_server(lambda: SMTP(handler, hostname="sink.test"), host="127.0.0.1", port=0)
    print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await asyncio.wait_for(stop.wait(), lifetime)
    except asyncio.TimeoutError:
        pass
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    # A parent (a test runner's thread) may have blocked these; the child inherits the mask.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    if len(sys.argv) < 2:
        sys.exit("usage: smtp_sink.py FOLDER [LIFETIME_SECONDS]")
    os.makedirs(sys.argv[1], exist_ok=True)
    asyncio.run(serve(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 300.0))
