"""`check --deploy` names every file and folder of Koers's data that others on the machine can read.

The data directory holds what a backup holds (the SQLite database with password hashes,
sessions and two-step secrets, the uploaded evidence, imports of people waiting to be
confirmed, the secret key, the backup key and the backups themselves), so each of them must
be readable by its owner only. Koers creates
them so (settings.py, koers.core.backup); this check finds those made before, or by hand.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks
from django.db import connection


def private_paths() -> dict[str, Path]:
    """What must be private, by what it is."""
    data_dir = Path(settings.DATA_DIR)
    paths = {
        "data directory": data_dir,
        "secret key": data_dir / "secret_key",
        "uploaded files": Path(settings.MEDIA_ROOT),
        "backup key file": Path(settings.BACKUP_KEY_FILE),
        "backups": data_dir / "backups",
        "imports waiting for confirmation": data_dir / "pending-imports",
    }
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"]:
        paths["SQLite database"] = Path(str(connection.settings_dict["NAME"]))
    backups = data_dir / "backups"
    if backups.is_dir():
        paths |= {f"backup {p.name}": p for p in sorted(backups.iterdir()) if p.is_file()}
    return paths


def readable_by_others(path: Path) -> bool:
    try:
        return bool(stat.S_IMODE(path.stat().st_mode) & 0o077)
    except FileNotFoundError:
        return False


@checks.register(checks.Tags.security, deploy=True)
def private_data_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    return [
        checks.Warning(
            f"The {what} {path} can be read by other users of this machine.",
            hint=f"Make it readable by its owner only: chmod {'700' if path.is_dir() else '600'} "
            f"{path}",
            id="koers.W010",
        )
        for what, path in private_paths().items()
        if readable_by_others(path)
    ]
