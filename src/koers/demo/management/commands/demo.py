"""`koers demo`: migrate an embedded database, build the CMO Flevoland demo and serve it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from koers.demo.builder import USERS, DemoRefused, build
from koers.demo.constants import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Build the CMO Flevoland demo (once per database) and serve it on http://127.0.0.1:8000."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--no-serve", action="store_true", help="Build only.")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Also add N synthetic organisations of 35 staff with ten years of hours "
            "(about 100,000 time entries each), for benchmarks.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError(
                "The demo runs only with KOERS_DEMO=1 (the `koers demo` command sets it); "
                "it creates accounts with a published password."
            )
        call_command("migrate", interactive=False, verbosity=0)
        try:
            created = build()
        except DemoRefused as refused:
            raise CommandError(str(refused)) from refused
        if options["scale"]:
            from koers.demo.synthetic import add_hours_organisations

            added = add_hours_organisations(options["scale"])
            created["synthetic organisations"] = len(added)
        if created:
            summary = ", ".join(f"{count} {kind}" for kind, count in sorted(created.items()))
            self.stdout.write(f"Demo built: {summary}.")
        else:
            self.stdout.write("Demo already present; nothing changed.")
        self.stdout.write(f"Sign in with one of these user names and the password {DEMO_PASSWORD}:")
        for user in USERS:
            self.stdout.write(f"  {user.username:<16} {user.description}")
        if not options["no_serve"]:
            self._serve_with_worker(options["port"])

    def _serve_with_worker(self, port: int) -> None:
        """Serve, with a task worker beside the server (documents of long reports, mail),
        stopped when the server stops."""
        import subprocess
        import sys

        worker = subprocess.Popen([sys.executable, "-m", "koers.cli", "worker"])
        try:
            call_command("serve", port=port)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
