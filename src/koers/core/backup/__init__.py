"""Backup and restore of the database and the uploaded files (`koers backup`, `koers restore`),
encrypted and authenticated with the backup key (`koers backup_key`)."""

from koers.core.backup.archive import (
    MANIFEST,
    BackupError,
    BackupResult,
    CheckedArchive,
    create_backup,
    default_backup_path,
    restore_backup,
    verify_backup,
)

__all__ = [
    "MANIFEST",
    "BackupError",
    "BackupResult",
    "CheckedArchive",
    "create_backup",
    "default_backup_path",
    "restore_backup",
    "verify_backup",
]
