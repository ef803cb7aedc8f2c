"""An archive someone else made or changed is refused; the file is readable by its owner only.

The cases are generated from the archive itself: every member edited and re-hashed as the
attacker of issue 14 did, and damage at positions spread over the whole file.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import stat
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection

from koers.core.backup import MANIFEST, BackupError, create_backup, restore_backup, verify_backup
from koers.core.models import AuditEntry
from tests.conftest import World
from tests.core.conftest import table_hashes


def plain_members(archive: Path) -> dict[str, bytes]:
    """What an attacker with an unencrypted copy of the archive can read."""
    with tarfile.open(archive) as source:
        return {
            member.name: source.extractfile(member).read()  # type: ignore[union-attr]
            for member in source.getmembers()
            if member.isfile()
        }


def repack(members: dict[str, bytes], target: Path) -> Path:
    """A tar.gz of `members` with the manifest's checksums recomputed, as the attacker did."""
    manifest = json.loads(members[MANIFEST])
    manifest["members"] = {
        name: hashlib.sha256(data).hexdigest() for name, data in members.items() if name != MANIFEST
    }
    members = {**members, MANIFEST: json.dumps(manifest, indent=2, sort_keys=True).encode()}
    with tarfile.open(target, "w:gz") as out:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
    return target


def make_funder_beheerder(database: bytes) -> bytes:
    """The edit of the issue: the funder's official becomes an administrator (SQLite)."""
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "db.sqlite3"
        path.write_bytes(database)
        db = sqlite3.connect(path)
        db.execute("UPDATE accounts_membership SET role = 'beheerder' WHERE role = 'opdrachtgever'")
        db.commit()
        db.close()
        return path.read_bytes()


def forgeries(members: dict[str, bytes]) -> dict[str, dict[str, bytes]]:
    """Every member changed in turn (and the manifest's own fields), to be re-hashed."""
    forged: dict[str, dict[str, bytes]] = {}
    for name, data in members.items():
        if name == MANIFEST:
            manifest = json.loads(data)
            manifest["created_at"] = "2000-01-01T00:00:00+00:00"
            forged["manifest-edited"] = {**members, name: json.dumps(manifest).encode()}
        else:
            forged[f"{name}-edited"] = {**members, name: data + b"\x00forged"}
    forged["media-added"] = {**members, "media/extra.pdf": b"%PDF-1.4\nforged\n"}
    if "database.sqlite3" in members:
        forged["funder-made-beheerder"] = {
            **members,
            "database.sqlite3": make_funder_beheerder(members["database.sqlite3"]),
        }
    return forged


@pytest.mark.django_db(transaction=True)
def test_a_forged_archive_is_refused_and_changes_nothing(filled: World, tmp_path: Path) -> None:
    members = plain_members(create_backup(tmp_path / "good").path)
    cases = forgeries(members)
    assert len(cases) >= len(members) + 1
    accepted = []
    for name, forged in cases.items():
        before = table_hashes()
        try:
            restore_backup(repack(forged, tmp_path / f"{name}.tar.gz"))
        except BackupError:
            if table_hashes() != before:
                accepted.append(f"{name} (refused, but the data changed)")
        else:
            accepted.append(name)
    assert accepted == [], f"{len(accepted)} of {len(cases)} forgeries restored: {accepted}"


Damage = Callable[[bytes], bytes]


def damages(size: int) -> dict[str, Damage]:
    """Bit flips and cuts at the start, the end and spread over the whole file."""
    edges = set(range(min(size, 256))) | set(range(max(size - 256, 0), size))
    positions = sorted(edges | {size * i // 200 for i in range(200)})

    def flip(at: int) -> Damage:
        return lambda data: data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]

    def cut(at: int) -> Damage:
        return lambda data: data[:at]

    cases: dict[str, Damage] = {f"flip@{at}": flip(at) for at in positions}
    cases |= {f"cut@{at}": cut(at) for at in positions}
    cases["appended"] = lambda data: data + b"\x00" * 16
    return cases


@pytest.mark.django_db(transaction=True)
def test_every_damaged_copy_is_refused(filled: World, tmp_path: Path) -> None:
    original = create_backup(tmp_path / "good").path.read_bytes()
    cases = damages(len(original))
    accepted = []
    for name, damage in cases.items():
        damaged = tmp_path / "damaged"
        damaged.write_bytes(damage(original))
        with tempfile.TemporaryDirectory() as into:
            try:
                verify_backup(damaged, Path(into))
            except BackupError:
                continue
            except Exception as error:
                accepted.append(f"{name} ({type(error).__name__})")
                continue
        accepted.append(name)
    assert accepted == [], f"{len(accepted)} of {len(cases)} damaged copies accepted: {accepted}"


@pytest.mark.django_db(transaction=True)
def test_the_archive_is_readable_by_its_owner_only(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also under a permissive umask, and already while it is being written."""
    modes_when_renamed = []
    real_replace = os.replace

    def spy(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if Path(source).is_file():
            modes_when_renamed.append(stat.S_IMODE(Path(source).stat().st_mode))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    previous = os.umask(0)
    try:
        archive = create_backup(tmp_path / "backups" / "koers").path
    finally:
        os.umask(previous)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert modes_when_renamed and set(modes_when_renamed) == {0o600}


@pytest.mark.django_db(transaction=True)
def test_a_restore_says_in_the_restored_data_that_it_replaced_them(
    filled: World, tmp_path: Path
) -> None:
    archive = create_backup(tmp_path / "good").path
    checksum = hashlib.sha256(archive.read_bytes()).hexdigest()
    manifest = restore_backup(archive)
    entry = AuditEntry.objects.get(action="core.restore")
    assert entry.changes["archive"] == archive.name
    assert entry.changes["sha256"] == checksum
    assert entry.changes["created_at"] == manifest["created_at"]
    assert entry.changes["database"] == connection.vendor
