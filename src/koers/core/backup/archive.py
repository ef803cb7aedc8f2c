"""Backup and restore of the database and the uploaded files, as one encrypted archive.

Inside, an archive is a tar.gz holding `manifest.json`, the database (`database.sqlite3` made
with SQLite's online backup API, or `database.dump` from pg_dump's custom format) and the
uploaded files under `media/`; the manifest lists every member with its SHA-256. Outside, the
whole tar.gz is encrypted and authenticated with the installation's backup key
(`stream.py`, `keys.py`), so a copy cannot be read, and a changed, forged or cut-off one is
refused. Restore unpacks into a private folder, authenticates the archive to its last byte,
checks the manifest, every checksum, the database kind and the migrations, and only then
replaces anything; it then records in the restored database that it replaced the data.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.audit import audit_installation
from koers.core.backup.database import applied_migrations, dump_database, restore_database
from koers.core.backup.errors import BackupError
from koers.core.backup.keys import encryption_key, keys_for_reading
from koers.core.backup.stream import (
    GZIP_MAGIC,
    HEADER_BYTES,
    DecryptingReader,
    EncryptingWriter,
    read_header,
)
from koers.core.private_files import private_file

FORMAT = 1
MANIFEST = "manifest.json"
SUFFIX = ".backup"


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
    key_id: str


def create_backup(output: Path) -> BackupResult:
    """Write an encrypted archive of the database and the uploaded files to `output`.

    `output` appears only once complete, and is readable by its owner only (0600) from
    its first byte. The first backup of an installation without a key creates the key file.
    """
    key = encryption_key()  # first: a missing or broken key stops before any work
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
        with private_file(output) as sink:
            writer = EncryptingWriter(sink, key)
            with tarfile.open(fileobj=writer, mode="w|gz") as archive:  # type: ignore[call-overload]
                archive.add(staging / MANIFEST, arcname=MANIFEST)
                archive.add(staging / database_member, arcname=database_member)
                for path in media_files:
                    archive.add(path, arcname="media/" + path.relative_to(media_root).as_posix())
            writer.finish()
    return BackupResult(output, len(media_files), output.stat().st_size, key.label)


def default_backup_path() -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.DATA_DIR) / "backups" / f"koers-{stamp}{SUFFIX}"


@dataclass(frozen=True)
class CheckedArchive:
    """An archive unpacked, authenticated and checked: its manifest and where it came from."""

    manifest: dict[str, Any]
    sha256: str
    key_id: str | None  # None: an archive from before encryption, restored on request


def _extract(archive: tarfile.TarFile, into: Path) -> None:
    """Unpack member by member as the stream comes, refusing anything but plain files."""
    for member in archive:
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(
                _("The archive contains an unsafe entry: %(name)s.") % {"name": member.name}
            )
        archive.extract(member, into, filter="data")


def _unpack_stream(source: BinaryIO, into: Path) -> None:
    try:
        with tarfile.open(fileobj=source, mode="r|gz") as archive:
            _extract(archive, into)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(
            _("The archive cannot be read (%(error)s); it is damaged or not a Koers backup.")
            % {"error": error}
        ) from error


def _unpack(archive_path: Path, into: Path, *, allow_unencrypted: bool) -> tuple[str, str | None]:
    """Unpack into `into`, authenticating every byte; the archive's SHA-256 and key id."""
    with archive_path.open("rb") as raw:
        head = raw.read(HEADER_BYTES)
        raw.seek(0)
        if allow_unencrypted and head.startswith(GZIP_MAGIC):
            _unpack_stream(raw, into)
            return _sha256(archive_path), None
        read_header(io.BytesIO(head))  # what is no Koers archive is refused as such, key or not
        reader = DecryptingReader(raw, keys_for_reading())
        _unpack_stream(reader, into)  # type: ignore[arg-type]
        # tar stops at its end marker; the rest must be authenticated too, to the last chunk.
        return reader.read_to_end(), reader.key_id


def _check_manifest(into: Path) -> dict[str, Any]:
    manifest_path = into / MANIFEST
    if not manifest_path.exists():
        raise BackupError(_("The archive has no manifest; it is not a Koers backup."))
    try:
        manifest = json.loads(manifest_path.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
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


def verify_backup(
    archive_path: Path, into: Path, *, allow_unencrypted: bool = False
) -> CheckedArchive:
    """Unpack into `into`, authenticate the whole archive and check its manifest."""
    sha256, key_id = _unpack(archive_path, into, allow_unencrypted=allow_unencrypted)
    return CheckedArchive(_check_manifest(into), sha256, key_id)


def restore_backup(archive_path: Path, *, allow_unencrypted: bool = False) -> dict[str, Any]:
    """Replace the database and the uploaded files with the archive's, after checking it.

    Refuses, changing nothing, when the archive is not authentic (forged, changed, cut off,
    made with a key this installation does not have, or unencrypted without
    `allow_unencrypted`), damaged, made from another kind of database, or from a version of
    Koers with other migrations. Afterwards the restored database holds an audit entry
    saying it was replaced, by whom and from which archive.
    """
    with tempfile.TemporaryDirectory(prefix="koers-restore-") as work:
        checked = verify_backup(archive_path, Path(work), allow_unencrypted=allow_unencrypted)
        manifest = checked.manifest
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
        restore_database(Path(work))
        _restore_media(Path(work) / "media")
    _record_restore(archive_path, checked)
    return manifest


def _operating_system_user() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for the uid (a container), or no environment
        user = str(os.getuid())
    if sudo_user := os.environ.get("SUDO_USER"):
        return f"{user} (sudo by {sudo_user})"
    return user


def _record_restore(archive_path: Path, checked: CheckedArchive) -> None:
    audit_installation(
        action="core.restore",
        subject=archive_path.name,
        after={
            "archive": archive_path.name,
            "sha256": checked.sha256,
            "created_at": checked.manifest["created_at"],
            "database": checked.manifest["database"],
            "key_id": checked.key_id,
            "encrypted": checked.key_id is not None,
            "by": _operating_system_user(),
        },
    )


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
