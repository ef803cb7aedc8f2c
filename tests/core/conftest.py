"""Fixtures of the backup tests: a world with an uploaded evidence file, and table hashes."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from koers.plans import services
from tests.conftest import World

PDF = b"%PDF-1.4\nbewijs\n%%EOF\n"


def table_hashes() -> dict[str, str]:
    """A hash of every table's rows, in a fixed order."""
    hashes = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - our own table names
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
