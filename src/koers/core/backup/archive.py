"""Backup and restore of the database and the uploaded files, as one checked archive.

An archive is a tar file holding `manifest.json`, the database (`database.sqlite3` made
with SQLite's online backup API, or `database.dump` from pg_dump's custom format) and the
uploaded files under `media/`. The manifest lists every member with its SHA-256; restore
checks all of them, and the database kind and migrations, before it touches anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.backup.database import applied_migrations, dump_database, restore_database
from koers.core.backup.errors import BackupError

FORMAT = 1
MANIFEST = "manifest.json"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class BackupResult:
    path: Path
    files: int
    size: int


def create_backup(output: Path) -> BackupResult:
    """Write an archive of the database and the uploaded files to `output`."""
    with tempfile.TemporaryDirectory(prefix="koers-backup-") as work:
        staging = Path(work)
        database_member = dump_database(staging)
        members = {database_member: _sha256(staging / database_member)}
        media_root = Path(settings.MEDIA_ROOT)
        media_files = (
            sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
        )
        for path in media_files:
            members["media/" + path.relative_to(media_root).as_posix()] = _sha256(path)
        manifest = {
            "format": FORMAT,
            "application": "koers",
            "created_at": timezone.now().isoformat(),
            "database": connection.vendor,
            "migrations": applied_migrations(),
            "members": members,
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(staging / MANIFEST, arcname=MANIFEST)
            archive.add(staging / database_member, arcname=database_member)
            for path in media_files:
                archive.add(path, arcname="media/" + path.relative_to(media_root).as_posix())
        partial.replace(output)  # a backup file exists only once it is complete
    return BackupResult(output, len(media_files), output.stat().st_size)


def default_backup_path() -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.DATA_DIR) / "backups" / f"koers-{stamp}.tar.gz"


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = archive.getmembers()
    for member in members:
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(
                _("The archive contains an unsafe entry: %(name)s.") % {"name": member.name}
            )
    return members


def verify_backup(archive_path: Path, into: Path) -> dict[str, Any]:
    """Unpack into `into` and check the manifest and every checksum; return the manifest."""
    try:
        with tarfile.open(archive_path, "r:*") as archive:
            archive.extractall(into, members=_safe_members(archive))  # noqa: S202 - members checked
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(
            _("The archive cannot be read (%(error)s); it is damaged or not a Koers backup.")
            % {"error": error}
        ) from error
    manifest_path = into / MANIFEST
    if not manifest_path.exists():
        raise BackupError(_("The archive has no manifest; it is not a Koers backup."))
    try:
        manifest = json.loads(manifest_path.read_text())
    except json.JSONDecodeError as error:
        raise BackupError(_("The archive's manifest is damaged.")) from error
    if manifest.get("application") != "koers" or manifest.get("format") != FORMAT:
        raise BackupError(_("The archive is not a Koers backup of a format this version reads."))
    for name, checksum in manifest.get("members", {}).items():
        path = into / name
        if not path.is_file():
            raise BackupError(
                _("The archive lacks %(name)s, which its manifest lists.") % {"name": name}
            )
        if _sha256(path) != checksum:
            raise BackupError(
                _("The checksum of %(name)s does not match the manifest: the archive is damaged.")
                % {"name": name}
            )
    listed = set(manifest.get("members", {})) | {MANIFEST}
    present = {p.relative_to(into).as_posix() for p in into.rglob("*") if p.is_file()}
    if present - listed:
        raise BackupError(
            _("The archive holds files its manifest does not list: %(names)s.")
            % {"names": ", ".join(sorted(present - listed)[:5])}
        )
    return manifest


def restore_backup(archive_path: Path) -> dict[str, Any]:
    """Replace the database and the uploaded files with the archive's, after checking it.

    Refuses, changing nothing, when the archive is damaged, was made from another kind of
    database, or from a version of Koers with other migrations.
    """
    with tempfile.TemporaryDirectory(prefix="koers-restore-") as work:
        unpacked = Path(work)
        manifest = verify_backup(archive_path, unpacked)
        if manifest["database"] != connection.vendor:
            raise BackupError(
                _("The archive holds a %(theirs)s database; this installation uses %(ours)s.")
                % {"theirs": manifest["database"], "ours": connection.vendor}
            )
        if manifest["migrations"] != applied_migrations():
            raise BackupError(
                _(
                    "The archive was made by a Koers with other database migrations. "
                    "Restore it with the version that made it, then upgrade."
                )
            )
        restore_database(unpacked)
        _restore_media(unpacked / "media")
    return manifest


def _restore_media(source: Path) -> None:
    """Swap the uploads folder for the archive's; the old one is removed only after."""
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    incoming = Path(tempfile.mkdtemp(prefix=".media-restore-", dir=media_root.parent))
    if source.exists():
        shutil.copytree(source, incoming, dirs_exist_ok=True)
    previous = None
    if media_root.exists():
        previous = media_root.with_name(media_root.name + ".before-restore")
        if previous.exists():
            shutil.rmtree(previous)
        media_root.rename(previous)
    incoming.rename(media_root)
    if previous is not None:
        shutil.rmtree(previous)
