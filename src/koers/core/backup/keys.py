"""The keys that encrypt and authenticate backups; a key is never stored in an archive.

A key is 32 random bytes written as URL-safe base64 (44 characters), made by
`koers backup_key`. The keys come from KOERS_BACKUP_KEY (several separated by commas) or,
when that is empty, from the key file (KOERS_BACKUP_KEY_FILE, by default
$KOERS_DATA_DIR/backup.key: one key a line, `#` starts a comment), which the first backup
creates with mode 0600. The first key encrypts new backups; an archive names its key by a
key id in its header, and every configured key is a candidate for reading, so after a
rotation the older backups restore as long as their key is kept after the new one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.backup.errors import BackupError
from koers.core.private_files import private_file

KEY_BYTES = 32
KEY_ID_BYTES = 8
ENVIRONMENT = "KOERS_BACKUP_KEY"
KEY_FILE_HEADER = (
    "# Koers backup keys. The first encrypts new backups; all are tried to read one.\n"
    "# Keep a copy somewhere other than the backups: without its key a backup is unreadable.\n"
)


@dataclass(frozen=True)
class BackupKey:
    secret: bytes = field(repr=False)

    @property
    def key_id(self) -> bytes:
        """Names the key in an archive's header without revealing anything about it."""
        digest = hmac.new(self.secret, b"koers backup key id", hashlib.sha256).digest()
        return digest[:KEY_ID_BYTES]

    @property
    def label(self) -> str:
        return self.key_id.hex()


def generate_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).decode("ascii")


def _decode(word: str, source: str) -> BackupKey:
    try:
        secret = base64.b64decode(word.encode("ascii"), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):  # ValueError: a character outside ASCII
        secret = b""
    if len(secret) != KEY_BYTES:
        # The message never repeats the value: it may be a real key with a typing error.
        raise BackupError(
            _(
                "%(source)s holds something that is not a backup key. A key is 44 characters, "
                "made with `koers backup_key`."
            )
            % {"source": source}
        )
    return BackupKey(secret)


def parse_keys(text: str, *, source: str) -> list[BackupKey]:
    keys = []
    for line in text.splitlines():
        for word in line.split("#", 1)[0].replace(",", " ").split():
            keys.append(_decode(word, source))
    return keys


def key_file() -> Path:
    return Path(settings.BACKUP_KEY_FILE)


def _read_key_file(path: Path) -> list[BackupKey]:
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        raise BackupError(
            _(
                "The backup key file %(path)s can be read by other users of this machine. "
                "Make it readable by its owner only (chmod 600 %(path)s)."
            )
            % {"path": path}
        )
    keys = parse_keys(path.read_text(encoding="ascii", errors="replace"), source=str(path))
    if not keys:
        raise BackupError(_("The backup key file %(path)s holds no key.") % {"path": path})
    return keys


def configured_keys() -> list[BackupKey]:
    """The installation's keys, the one that encrypts first; empty when there are none yet."""
    if settings.BACKUP_KEYS.strip():
        return parse_keys(settings.BACKUP_KEYS, source=ENVIRONMENT)
    path = key_file()
    return _read_key_file(path) if path.exists() else []


def keys_for_reading() -> list[BackupKey]:
    keys = configured_keys()
    if not keys:
        raise BackupError(
            _(
                "There is no backup key: set %(variable)s or put the key in %(path)s. "
                "A backup can only be read with the key that made it."
            )
            % {"variable": ENVIRONMENT, "path": key_file()}
        )
    return keys


def encryption_key() -> BackupKey:
    """The key new backups are encrypted with; the first backup creates the key file."""
    keys = configured_keys()
    if keys:
        return keys[0]
    path = key_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = generate_key()
    try:
        # O_EXCL: two first backups at once must not each write a key and lose one.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key_file(path)[0]
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(f"{KEY_FILE_HEADER}{key}\n")
    return _decode(key, str(path))


def rotate_key_file() -> BackupKey:
    """Put a new key first in the key file; the old ones stay below it for reading."""
    if settings.BACKUP_KEYS.strip():
        raise BackupError(
            _(
                "The backup keys come from %(variable)s: put a new key (from `koers backup_key`) "
                "first in it, followed by a comma and the old ones."
            )
            % {"variable": ENVIRONMENT}
        )
    path = key_file()
    old = path.read_text(encoding="ascii") if path.exists() else ""
    if path.exists():
        _read_key_file(path)  # refuse to rewrite a damaged or exposed file
    older = old.removeprefix(KEY_FILE_HEADER)
    key = generate_key()
    since = timezone.localdate().isoformat()
    with private_file(path) as handle:
        handle.write(f"{KEY_FILE_HEADER}{key}\n# Until {since}:\n{older}".encode("ascii"))
    return _decode(key, str(path))
