"""The database's part of a backup: dumped into a folder, restored from one.

SQLite is copied with its online backup API (consistent while others write); PostgreSQL
with pg_dump's custom format and pg_restore in one transaction.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

from koers.core.backup.errors import BackupError

SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.dump"


def applied_migrations() -> list[str]:
    recorder = MigrationRecorder(connection)
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _postgres_env() -> tuple[dict[str, str], list[str]]:
    db = connection.settings_dict
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = ["--dbname", str(db["NAME"])]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return env, args


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(
            _("The program %(program)s is not installed.") % {"program": command[0]}
        ) from error
    except subprocess.CalledProcessError as error:
        raise BackupError(
            _("%(program)s failed: %(message)s")
            % {"program": command[0], "message": error.stderr.strip()[-500:]}
        ) from error


def dump_database(target: Path) -> str:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target / SQLITE_MEMBER)
        try:
            connection.connection.backup(destination)  # consistent while others write
        finally:
            destination.close()
        return SQLITE_MEMBER
    if connection.vendor == "postgresql":
        env, args = _postgres_env()
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                *args,
                "--file",
                str(target / POSTGRES_MEMBER),
            ],
            env,
        )
        return POSTGRES_MEMBER
    raise BackupError(_("Backups are supported on SQLite and PostgreSQL only."))


def restore_database(unpacked: Path) -> None:
    if connection.vendor == "sqlite":
        source = sqlite3.connect(unpacked / SQLITE_MEMBER)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
        return
    env, args = _postgres_env()
    connection.close()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            *args,
            str(unpacked / POSTGRES_MEMBER),
        ],
        env,
    )
