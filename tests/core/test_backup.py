"""Backup → wipe → restore gives back every row and every uploaded file; damage is refused."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from koers.core.backup import MANIFEST, BackupError, create_backup, restore_backup
from koers.core.backup.keys import encryption_key
from koers.plans.models import Realisation
from tests.conftest import World
from tests.core.conftest import media_files, plain_archive, seal, table_hashes


@pytest.mark.django_db(transaction=True)
def test_backup_wipe_restore_round_trip(filled: World, tmp_path: Path) -> None:
    before_tables, before_media = table_hashes(), media_files()
    assert before_media  # the evidence file is there
    archive = create_backup(tmp_path / "koers.backup").path

    call_command("flush", interactive=False, verbosity=0)
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        if path.is_file():
            path.unlink()
    assert not Realisation.objects.exists() and not media_files()

    restore_backup(archive)
    assert table_hashes(without_restore_entries=True) == before_tables
    assert media_files() == before_media


@pytest.mark.django_db(transaction=True)
def test_the_commands_round_trip(filled: World, tmp_path: Path) -> None:
    archive = tmp_path / "via-command.backup"
    call_command("backup", output=archive, stdout=io.StringIO())
    Realisation.objects.all().delete()
    call_command("restore", str(archive), yes=True, stdout=io.StringIO())
    assert Realisation.objects.count() == 1


def _rewrite(archive: Path, target: Path, change: Any) -> Path:
    """Copy an archive, letting `change(name, data)` alter or drop members, and seal it again
    with the installation's key: damage that happened before encryption, which only the
    manifest's checks can catch."""
    changed = io.BytesIO()
    with (
        tarfile.open(fileobj=io.BytesIO(plain_archive(archive)), mode="r:gz") as source,
        tarfile.open(fileobj=changed, mode="w:gz") as out,
    ):
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else b""  # type: ignore[union-attr]
            result = change(member.name, data)
            if result is None:
                continue
            member.size = len(result)
            out.addfile(member, io.BytesIO(result))
    return seal(changed.getvalue(), target, encryption_key())


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda n, d: d + b"x" if n.startswith("media/") else d, "controlesom"),
        (lambda n, d: None if n.startswith("database") else d, "ontbreekt"),
        (lambda n, d: b"{not json" if n == MANIFEST else d, "manifest"),
        (
            lambda n, d: (
                json.dumps({**json.loads(d), "database": "oracle"}).encode() if n == MANIFEST else d
            ),
            "oracle",
        ),
        (
            lambda n, d: (
                json.dumps({**json.loads(d), "migrations": ["plans.0999_future"]}).encode()
                if n == MANIFEST
                else d
            ),
            "databasemigraties",
        ),
    ],
    ids=["damaged-file", "missing-database", "damaged-manifest", "other-database", "other-version"],
)
def test_restore_refuses_a_bad_archive_and_changes_nothing(
    filled: World, tmp_path: Path, change: Any, message: str
) -> None:
    archive = create_backup(tmp_path / "good.backup").path
    bad = _rewrite(archive, tmp_path / "bad.backup", change)
    Realisation.objects.update(note="changed after the backup")
    before = table_hashes()
    with pytest.raises(BackupError, match=message):
        restore_backup(bad)
    assert table_hashes() == before


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_no_archive(tmp_path: Path) -> None:
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"this is not a tar file")
    with pytest.raises(CommandError, match=r"geen back-up van Koers.*Er is niets gewijzigd"):
        call_command("restore", str(junk), yes=True)
