"""`koers serve`: the production server (gunicorn), never Django's runserver.

It does not migrate: migrating is its own step, once per upgrade (`koers migrate`, docs and
README "Running in production"), not something each of several app servers does at each
start. With migrations pending it refuses to start and says so, unless `--migrate` asks it
to run them first (a single server, a trial, the demo)."""

from __future__ import annotations

import os
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from gunicorn.app.base import BaseApplication

from koers.core import warmup
from koers.core.health import pending_migrations


class KoersServer(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from koers.wsgi import application

        return application


class Command(BaseCommand):
    help = (
        "Serve Koers with gunicorn (static files included). Refuses to start while migrations "
        "are pending, unless --migrate runs them first."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default=os.environ.get("KOERS_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("KOERS_PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("KOERS_WORKERS", "3"))
        )
        parser.add_argument(
            "--threads", type=int, default=int(os.environ.get("KOERS_THREADS", "4"))
        )
        parser.add_argument(
            "--migrate", action="store_true", help="Run pending migrations before serving."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        pending = pending_migrations()
        if pending:
            raise CommandError(
                f"{len(pending)} database migrations are pending (the first: {pending[0]}). "
                "Run `koers migrate` once for this upgrade (after a backup), then start the "
                "servers; or `koers serve --migrate` on a single server."
            )
        call_command("collectstatic", interactive=False, verbosity=0)
        # Loaded once here, shared by the forked workers (see koers.core.warmup).
        warmup.run_all()
        self.stdout.write(f"Koers serves on http://{options['host']}:{options['port']}/")
        KoersServer(
            {
                "bind": f"{options['host']}:{options['port']}",
                "workers": options["workers"],
                "threads": options["threads"],
                "worker_class": "gthread",
                "accesslog": "-",
                "timeout": 60,
                # Longer than the idle timeout of the proxy or load balancer in front (nginx
                # 75 s by default), so the server never closes a connection the client is
                # about to reuse.
                "keepalive": int(os.environ.get("KOERS_KEEPALIVE", "75")),
                "graceful_timeout": 20,
            }
        ).run()
