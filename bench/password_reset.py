"""The password-reset timing benchmark: does asking for a reset take as long for an address
that has an account as for one that has none? (Issue 14, finding 11: it must, or the
difference tells an attacker which addresses have accounts.)

    .venv/bin/python bench/password_reset.py            # SQLite, in a temporary data directory
    DATABASE_URL=postgres://…/koers_bench .venv/bin/python bench/password_reset.py

It makes one user, then posts the reset form ROUNDS times for her address and ROUNDS times
for an unknown one, alternating, through Django's test client, and prints the median and the
number of queries of each. The rate limits are emptied between requests (untimed), so every
request does the full work. Mail goes by SMTP to a mail sink this script runs on the same
machine (the shortest round trip a real mail server can have). Not part of the test suite's
pass or fail; the figures go into bench/README.md.
"""

from __future__ import annotations

import os
import secrets
import socketserver
import statistics
import sys
import tempfile
import threading
import time


class MailSink(socketserver.StreamRequestHandler):
    """Just enough SMTP to take a message and drop it."""

    def handle(self) -> None:
        self.wfile.write(b"220 sink\r\n")
        for line in self.rfile:
            command = line[:4].upper()
            if command == b"EHLO":
                self.wfile.write(b"250-sink\r\n250 OK\r\n")
            elif command == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                for body_line in self.rfile:
                    if body_line == b".\r\n":
                        break
                self.wfile.write(b"250 OK\r\n")
            elif command == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 OK\r\n")


sink = socketserver.ThreadingTCPServer(("127.0.0.1", 0), MailSink)
threading.Thread(target=sink.serve_forever, daemon=True).start()
os.environ.update(
    {
        "KOERS_EMAIL_HOST": "127.0.0.1",
        "KOERS_EMAIL_PORT": str(sink.server_address[1]),
        "KOERS_EMAIL_USE_TLS": "0",
    }
)
os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-reset-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from koers.accounts.models import User  # noqa: E402
from koers.core.models import RateLimitHit  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))
KNOWN = "bestaat@example.org"
UNKNOWN = "bestaat-niet@example.org"


def main() -> None:
    call_command("migrate", verbosity=0)
    User.objects.filter(username="bench-reset").delete()
    # A usable password: the reset form mails only accounts that have one.
    User.objects.create_user(username="bench-reset", email=KNOWN, password=secrets.token_hex())
    client = Client(REMOTE_ADDR="10.9.9.9")
    url = reverse("accounts:password_reset")
    timings: dict[str, list[float]] = {KNOWN: [], UNKNOWN: []}
    queries: dict[str, int] = {}
    for number in range(ROUNDS + 5):  # the first five of each warm up, untimed
        for email in (KNOWN, UNKNOWN):
            RateLimitHit.objects.all().delete()
            reset_queries()
            start = time.perf_counter()
            response = client.post(url, {"email": email})
            elapsed = time.perf_counter() - start
            assert response.status_code == 302, response.status_code
            queries[email] = len(connection.queries)
            if number >= 5:
                timings[email].append(elapsed * 1000)
    print(f"{connection.vendor}, {ROUNDS} requests each (median ms, queries):")
    for label, email in (("known address", KNOWN), ("unknown address", UNKNOWN)):
        print(f"  {label:16} {statistics.median(timings[email]):6.1f} ms  {queries[email]} queries")
    known, unknown = statistics.median(timings[KNOWN]), statistics.median(timings[UNKNOWN])
    print(f"  difference       {known - unknown:6.1f} ms")


if __name__ == "__main__":
    from django.conf import settings

    settings.DEBUG = True  # count the queries
    settings.ALLOWED_HOSTS = ["testserver"]  # the test client's host name
    sys.exit(main())
