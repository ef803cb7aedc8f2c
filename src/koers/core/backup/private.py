"""Files only their owner can read, that appear under their name only once complete."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


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
