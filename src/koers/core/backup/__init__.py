"""Backup and restore of the database and the uploaded files (`koers backup`, `koers restore`)."""

from koers.core.backup.archive import (
    MANIFEST,
    BackupError,
    BackupResult,
    create_backup,
    default_backup_path,
    restore_backup,
    verify_backup,
)

__all__ = [
    "MANIFEST",
    "BackupError",
    "BackupResult",
    "create_backup",
    "default_backup_path",
    "restore_backup",
    "verify_backup",
]
