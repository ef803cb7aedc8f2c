"""Fixtures of the core tests: for the backups, a world with an uploaded evidence file and
table hashes; for `koers serve` and the health check, a database missing a migration."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from koers.core.backup.keys import BackupKey, keys_for_reading
from koers.core.backup.stream import DecryptingReader, EncryptingWriter
from koers.plans import services
from tests.conftest import World

PDF = b"%PDF-1.4\nbewijs\n%%EOF\n"


def table_hashes(*, without_restore_entries: bool = False) -> dict[str, str]:
    """A hash of every table's rows, in a fixed order; optionally leaving out the audit
    entries a restore adds (the one difference a restore makes on purpose)."""
    hashes = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            query = f'SELECT * FROM "{table}"'  # noqa: S608 - our own table names
            if without_restore_entries and table == "core_auditentry":
                query += " WHERE action <> 'core.restore'"
            cursor.execute(query)
            rows = sorted(repr(row) for row in cursor.fetchall())
            hashes[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return hashes


def media_files() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def filled(world: World) -> World:
    services.realisation_record(
        actor=world.users["programmacoordinator"],
        indicator=world.indicator,
        date=dt.date(2021, 9, 23),
        value=Decimal(1),
        evidence_file=SimpleUploadedFile("verslag natuur.pdf", PDF),
        note="Thema natuur — met ‘aanhalingstekens’",
    )
    return world


@pytest.fixture(autouse=True)
def _backup_keys(settings: Any, tmp_path: Path) -> None:
    """No key from the environment, and the key file in the test's own folder."""
    settings.BACKUP_KEYS = ""
    settings.BACKUP_KEY_FILE = tmp_path / "keys" / "backup.key"


def plain_archive(archive: Path) -> bytes:
    """The tar.gz inside an encrypted archive, read with the installation's keys."""
    with archive.open("rb") as source:
        reader = DecryptingReader(source, keys_for_reading())
        plain = reader.read()
        reader.read_to_end()
    return plain


def seal(plain: bytes, target: Path, key: BackupKey) -> Path:
    """Encrypt `plain` (a tar.gz) into `target` as `koers backup` would, with `key`."""
    with target.open("wb") as sink:
        writer = EncryptingWriter(sink, key)
        writer.write(plain)
        writer.finish()
    return target


@pytest.fixture
def one_pending() -> Iterator[str]:
    """The database without one newest migration (one nothing else depends on, with one
    migration of its own app before it), put back afterwards."""
    graph = MigrationLoader(connection).graph
    app, name, before = next(
        (app, name, parents[0][1])
        for app, name in sorted(graph.leaf_nodes())
        if len(parents := sorted(graph.node_map[(app, name)].parents)) == 1 and parents[0][0] == app
    )
    call_command("migrate", app, before, verbosity=0)
    try:
        yield f"{app}.{name}"
    finally:
        call_command("migrate", verbosity=0)
