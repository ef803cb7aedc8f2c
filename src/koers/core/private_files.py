"""Files only their owner can read, that appear under their name only once complete.

For what holds personal data or secrets: backups, key files, imports waiting to be confirmed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO


@contextlib.contextmanager
def private_file(target: Path) -> Iterator[BinaryIO]:
    """Write `target` with mode 0600 from its first byte, and rename it into place at the end.

    mkstemp creates the temporary file 0600 whatever the umask, so the file is never
    readable by others, not even while it is written; it sits beside `target` so the
    rename is atomic. On an error the temporary file is removed and `target` is untouched.
    """
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".partial", dir=target.parent
    )
    partial = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    # The rename is durable only once the folder is written too (a crash could lose it).
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def make_sqlite_database_private(sender: Any, connection: Any, **kwargs: Any) -> None:
    """On connecting: the SQLite database and its WAL files readable by their owner only.

    SQLite creates them with the umask's mode (0644 as a rule) and offers no setting for it,
    so the first connection narrows them; they sit in the data directory, which Koers makes
    0700, so they are not reachable in between.
    """
    if connection.vendor != "sqlite":
        return
    database = Path(str(connection.settings_dict["NAME"]))
    for path in (database, *(database.with_name(database.name + end) for end in ("-wal", "-shm"))):
        with contextlib.suppress(FileNotFoundError):
            if stat.S_IMODE(path.stat().st_mode) & 0o077:
                path.chmod(0o600)
