"""An archive someone else made or changed is refused; the file is readable by its owner only.

The cases are generated from the archive itself: every member edited and re-hashed as the
attacker of issue 14 did (who is even given the plain content, as if from an older
unencrypted backup), re-packed plain or sealed with her own key under the installation's key
id; and damage at positions spread over the whole file and at every chunk boundary, with
every chunk dropped, repeated and swapped with the next.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import secrets
import sqlite3
import stat
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from koers.core.backup import MANIFEST, BackupError, create_backup, restore_backup, verify_backup
from koers.core.backup.keys import BackupKey, encryption_key
from koers.core.backup.stream import CHUNK_BYTES, HEADER_BYTES, SEALED_CHUNK_BYTES
from koers.core.models import AuditEntry
from tests.conftest import World
from tests.core.conftest import plain_archive, seal, table_hashes


def plain_members(archive: Path) -> dict[str, bytes]:
    """The archive's content, as an attacker with an unencrypted copy would read it."""
    with tarfile.open(fileobj=io.BytesIO(plain_archive(archive)), mode="r:gz") as source:
        return {
            member.name: source.extractfile(member).read()  # type: ignore[union-attr]
            for member in source.getmembers()
            if member.isfile()
        }


def repack(members: dict[str, bytes]) -> bytes:
    """A tar.gz of `members` with the manifest's checksums recomputed, as the attacker did."""
    manifest = json.loads(members[MANIFEST])
    manifest["members"] = {
        name: hashlib.sha256(data).hexdigest() for name, data in members.items() if name != MANIFEST
    }
    members = {**members, MANIFEST: json.dumps(manifest, indent=2, sort_keys=True).encode()}
    packed = io.BytesIO()
    with tarfile.open(fileobj=packed, mode="w:gz") as out:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
    return packed.getvalue()


@dataclass(frozen=True)
class ImpostorKey(BackupKey):
    """The attacker's own key, presenting the installation's key id in the header."""

    claimed_id: bytes = b""

    @property
    def key_id(self) -> bytes:
        return self.claimed_id


def wrappings(ours: BackupKey) -> dict[str, Callable[[bytes, Path], Path]]:
    """How the attacker can deliver a forged tar.gz without the installation's key."""
    impostor = ImpostorKey(secrets.token_bytes(32), claimed_id=ours.key_id)

    def plain(packed: bytes, target: Path) -> Path:
        target.write_bytes(packed)
        return target

    return {"plain": plain, "own-key": lambda packed, target: seal(packed, target, impostor)}


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
    cases = {
        f"{name}, {how}": (forged, wrap)
        for name, forged in forgeries(members).items()
        for how, wrap in wrappings(encryption_key()).items()
    }
    assert len(cases) >= 2 * (len(members) + 1)
    accepted = []
    for name, (forged, wrap) in cases.items():
        before = table_hashes()
        try:
            restore_backup(wrap(repack(forged), tmp_path / "forged"))
        except BackupError:
            if table_hashes() != before:
                accepted.append(f"{name} (refused, but the data changed)")
        else:
            accepted.append(name)
    assert accepted == [], f"{len(accepted)} of {len(cases)} forgeries restored: {accepted}"


Damage = Callable[[bytes], bytes]


def chunk_starts(size: int) -> list[int]:
    """Where each sealed chunk of an archive of `size` bytes begins, from the format's sizes."""
    return list(range(HEADER_BYTES, size, SEALED_CHUNK_BYTES))


def damages(size: int) -> dict[str, Damage]:
    """Bit flips and cuts at the start, the end, every chunk boundary and spread over the
    whole file; every chunk dropped, repeated, and swapped with the next."""
    starts = chunk_starts(size)
    edges = set(range(min(size, 256))) | set(range(max(size - 256, 0), size))
    boundaries = {at + step for at in starts for step in (-1, 0, 1)}
    positions = sorted(edges | boundaries | {size * i // 200 for i in range(200)})

    def flip(at: int) -> Damage:
        return lambda data: data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]

    def cut(at: int) -> Damage:
        return lambda data: data[:at]

    def without(at: int) -> Damage:
        return lambda data: data[:at] + data[at + SEALED_CHUNK_BYTES :]

    def repeated(at: int) -> Damage:
        end = at + SEALED_CHUNK_BYTES
        return lambda data: data[:end] + data[at:end] + data[end:]

    def swapped(at: int) -> Damage:
        middle, end = at + SEALED_CHUNK_BYTES, at + 2 * SEALED_CHUNK_BYTES
        return lambda data: data[:at] + data[middle:end] + data[at:middle] + data[end:]

    cases: dict[str, Damage] = {f"flip@{at}": flip(at) for at in positions}
    cases |= {f"cut@{at}": cut(at) for at in positions}
    cases |= {f"chunk {i} dropped": without(at) for i, at in enumerate(starts)}
    cases |= {f"chunk {i} repeated": repeated(at) for i, at in enumerate(starts)}
    cases |= {f"chunks {i} and {i + 1} swapped": swapped(at) for i, at in enumerate(starts[:-1])}
    cases["appended"] = lambda data: data + b"\x00" * 16
    return cases


@pytest.mark.django_db(transaction=True)
def test_every_damaged_copy_is_refused(filled: World, tmp_path: Path) -> None:
    # An upload that does not compress, so the archive has several chunks to tamper with.
    scan = Path(settings.MEDIA_ROOT) / "evidence" / "scan.pdf"
    scan.write_bytes(random.Random(14).randbytes(3 * CHUNK_BYTES))
    original = create_backup(tmp_path / "good").path.read_bytes()
    assert len(chunk_starts(len(original))) >= 4
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
    organisations = set(
        AuditEntry.objects.exclude(organisation_id=None).values_list("organisation_id", flat=True)
    )
    assert organisations  # the realisation's entry, at least
    manifest = restore_backup(archive)
    entries = AuditEntry.objects.filter(action="core.restore")
    # One in each organisation's own log, so each organisation's administrators see it.
    assert {entry.organisation_id for entry in entries} == organisations
    for entry in entries:
        recorded = {name: after for name, (_before, after) in entry.changes.items()}
        assert recorded["archive"] == archive.name
        assert recorded["sha256"] == checksum
        assert recorded["created_at"] == manifest["created_at"]
        assert recorded["database"] == connection.vendor
        assert recorded["key_id"] == encryption_key().label
        assert recorded["by"]
    page = filled.client("beheerder").get(reverse("privacy:audit_log")).content.decode()
    assert "Alle gegevens vervangen door het terugzetten van een back-up" in page
    assert archive.name in page and checksum in page
