"""The `koers` command: Django's management commands, plus `serve`, `demo` and `worker`.

koers serve        production server (gunicorn) with static files served by the app
koers demo         build the CMO Flevoland demo in an embedded database and serve it
koers worker       the task worker (database-backed queue) and scheduler of periodic jobs
koers <command>    any Django management command (migrate, createsuperuser, …)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and args[1] == "demo":
        # The demo keeps its own embedded database and opens on the autumn of 2021. It never
        # uses DATABASE_URL, so its published accounts cannot land in a production database;
        # KOERS_DEMO_DATABASE_URL runs it on another database on purpose (tests do).
        os.environ["DATABASE_URL"] = os.environ.get("KOERS_DEMO_DATABASE_URL", "")
        os.environ.setdefault("KOERS_DEMO", "1")
        os.environ.setdefault("KOERS_DATA_DIR", str(Path("var") / "demo"))
        os.environ.setdefault("KOERS_REFERENCE_DATE", "2021-10-15")
        # The published demo accounts sign in with a password only; every page says so.
        os.environ.setdefault("KOERS_TWO_FACTOR_WAIVED", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
