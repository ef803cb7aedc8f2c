"""The backup key: made on the first backup (0600), needed to restore, rotated without loss."""

from __future__ import annotations

import io
import os
import stat
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from koers.core.backup import BackupError, create_backup, restore_backup
from koers.core.backup.keys import (
    KEY_FILE_HEADER,
    configured_keys,
    encryption_key,
    generate_key,
    key_file,
    parse_keys,
)
from koers.core.models import AuditEntry
from koers.core.private_files import private_file
from koers.plans.models import Realisation
from tests.conftest import World
from tests.core.conftest import plain_archive, seal, table_hashes


def test_the_first_backup_key_is_made_readable_by_its_owner_only(settings: Any) -> None:
    previous = os.umask(0)
    try:
        key = encryption_key()
    finally:
        os.umask(previous)
    path = key_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert path.read_text().startswith(KEY_FILE_HEADER)
    assert encryption_key() == key  # made once, then read


def test_keys_from_the_environment_come_before_the_key_file(settings: Any) -> None:
    from_file = encryption_key()
    first, second = generate_key(), generate_key()
    settings.BACKUP_KEYS = f" {first}, {second} "
    expected = parse_keys(f"{first}\n# a comment\n{second}", source="test")
    assert configured_keys() == expected and from_file not in expected
    assert encryption_key() == expected[0]


@pytest.mark.parametrize(
    "value",
    ["not-a-key", generate_key()[:-4], generate_key() + "AAAA", "é" * 44],
    ids=["words", "too-short", "too-long", "not-ascii"],
)
def test_something_that_is_no_key_is_refused_without_repeating_it(
    settings: Any, value: str
) -> None:
    settings.BACKUP_KEYS = value
    with pytest.raises(BackupError, match="KOERS_BACKUP_KEY") as refusal:
        encryption_key()
    assert value not in str(refusal.value)


def test_a_key_file_others_can_read_is_refused(settings: Any) -> None:
    encryption_key()
    key_file().chmod(0o644)
    with pytest.raises(BackupError, match="chmod 600"):
        configured_keys()


def test_a_private_file_is_0600_from_its_first_byte_and_gone_after_an_error(
    tmp_path: Path,
) -> None:
    target = tmp_path / "out" / "archive"
    previous = os.umask(0)
    try:
        with pytest.raises(RuntimeError, match=r"^half written$"), private_file(target) as handle:
            handle.write(b"half an archive")
            (partial,) = target.parent.iterdir()
            assert stat.S_IMODE(partial.stat().st_mode) == 0o600
            raise RuntimeError("half written")
    finally:
        os.umask(previous)
    assert list(target.parent.iterdir()) == []


@pytest.mark.django_db(transaction=True)
def test_without_the_key_nothing_is_restored(filled: World, tmp_path: Path) -> None:
    archive = create_backup(tmp_path / "koers.backup").path
    key_file().unlink()
    before = table_hashes()
    with pytest.raises(BackupError, match="KOERS_BACKUP_KEY"):
        restore_backup(archive)
    assert table_hashes() == before


@pytest.mark.django_db(transaction=True)
def test_with_another_key_nothing_is_restored(filled: World, tmp_path: Path, settings: Any) -> None:
    archive = create_backup(tmp_path / "koers.backup").path
    made_with = encryption_key().label
    settings.BACKUP_KEYS = generate_key()
    before = table_hashes()
    with pytest.raises(BackupError, match=made_with):
        restore_backup(archive)
    assert table_hashes() == before


@pytest.mark.django_db(transaction=True)
def test_after_a_rotation_new_backups_use_the_new_key_and_old_ones_still_restore(
    filled: World, tmp_path: Path
) -> None:
    old_key = encryption_key()
    old_archive = create_backup(tmp_path / "old.backup").path
    out = io.StringIO()
    call_command("backup_key", rotate=True, stdout=out)
    new_key = encryption_key()
    assert new_key != old_key and new_key.label in out.getvalue()
    assert [key.label for key in configured_keys()] == [new_key.label, old_key.label]
    assert stat.S_IMODE(key_file().stat().st_mode) == 0o600

    assert create_backup(tmp_path / "new.backup").key_id == new_key.label
    Realisation.objects.all().delete()
    restore_backup(old_archive)
    assert Realisation.objects.count() == 1
    entry = AuditEntry.objects.filter(action="core.restore").first()
    assert entry is not None and entry.changes["key_id"] == [None, old_key.label]


@pytest.mark.django_db
def test_the_key_command_prints_a_new_key_and_lists_ids_never_keys(settings: Any) -> None:
    out = io.StringIO()
    call_command("backup_key", stdout=out, stderr=io.StringIO())
    printed = out.getvalue().strip()
    settings.BACKUP_KEYS = printed
    (key,) = configured_keys()  # what it printed is a key
    listing = io.StringIO()
    call_command("backup_key", list=True, stdout=listing)
    assert key.label in listing.getvalue() and printed not in listing.getvalue()


@pytest.mark.django_db
def test_rotating_keys_from_the_environment_is_explained_not_done(settings: Any) -> None:
    settings.BACKUP_KEYS = generate_key()
    with pytest.raises(CommandError, match="KOERS_BACKUP_KEY"):
        call_command("backup_key", rotate=True, stdout=io.StringIO())
    assert not key_file().exists()


@pytest.mark.django_db(transaction=True)
def test_an_unencrypted_archive_is_restored_only_when_asked(filled: World, tmp_path: Path) -> None:
    """As Koers wrote them before backups were encrypted: the tar.gz itself."""
    old_format = tmp_path / "koers-before-encryption.tar.gz"
    old_format.write_bytes(plain_archive(create_backup(tmp_path / "koers.backup").path))
    Realisation.objects.all().delete()
    with pytest.raises(CommandError, match="--allow-unencrypted"):
        call_command("restore", str(old_format), yes=True, stdout=io.StringIO())
    assert not Realisation.objects.exists()

    call_command("restore", str(old_format), yes=True, allow_unencrypted=True, stdout=io.StringIO())
    assert Realisation.objects.count() == 1
    entry = AuditEntry.objects.filter(action="core.restore").first()
    assert entry is not None and entry.changes["encrypted"] == [None, False]


@pytest.mark.django_db(transaction=True)
def test_check_reads_the_whole_archive_and_changes_nothing(filled: World, tmp_path: Path) -> None:
    archive = create_backup(tmp_path / "koers.backup").path
    Realisation.objects.all().delete()
    out = io.StringIO()
    call_command("restore", str(archive), check=True, stdout=out)
    assert encryption_key().label in out.getvalue()
    assert not Realisation.objects.exists()
    cut = tmp_path / "cut.backup"
    cut.write_bytes(archive.read_bytes()[:-1])
    with pytest.raises(CommandError, match="Het archief doorstaat de echtheidscontrole"):
        call_command("restore", str(cut), check=True, stdout=io.StringIO())


def test_the_plain_archive_inside_is_a_tar_gz(tmp_path: Path) -> None:
    """The format's layers as the README describes them: encryption around a tar.gz."""
    packed = io.BytesIO()
    with tarfile.open(fileobj=packed, mode="w:gz") as out:
        info = tarfile.TarInfo("manifest.json")
        out.addfile(info, io.BytesIO(b""))
    sealed = seal(packed.getvalue(), tmp_path / "a.backup", encryption_key())
    assert sealed.read_bytes().startswith(b"KOERS-BACKUP\x01")
    assert plain_archive(sealed) == packed.getvalue()
