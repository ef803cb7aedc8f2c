"""Authenticated encryption of a whole archive, in chunks, so memory stays bounded.

The construction is STREAM (Hoang, Reyhanitabar, Rogaway and Vizár, "Online
Authenticated-Encryption and its Nonce-Reuse Misuse-Resistance", CRYPTO 2015), as age and
Tink's streaming AEAD use it, on AES-256-GCM from `cryptography`. No maintained library
offers it for Python (Fernet holds the whole message in memory and cannot handle a
multi-gigabyte dump), so the few lines below compose the primitives:

    header   MAGIC (12 bytes) | format version (1) | key id (8) | salt (32)
    chunks   AES-256-GCM of 64 KiB of the archive each, with its 16-byte tag; the last
             chunk holds 1 to 64 KiB (0 only for an empty archive)

The archive's own key is HKDF-SHA256(backup key, salt, info = the header). The salt is
random, so the key is new for every archive and the nonce can be a counter: the chunk's
number in 11 bytes and a byte that is 1 on the last chunk only. Hence any changed bit fails
its chunk's tag; a changed header derives another key, so the first chunk fails; chunks
swapped, dropped or repeated carry the wrong number; an archive cut after a whole chunk lacks
the chunk marked last; and bytes after that chunk are refused. Decrypted data is handed on
only once its chunk has been authenticated.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.utils.translation import gettext as _

from koers.core.backup.errors import BackupError
from koers.core.backup.keys import KEY_ID_BYTES, BackupKey

MAGIC = b"KOERS-BACKUP"
VERSION = 1
SALT_BYTES = 32
HEADER_BYTES = len(MAGIC) + 1 + KEY_ID_BYTES + SALT_BYTES
CHUNK_BYTES = 64 * 1024
TAG_BYTES = 16
SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES
GZIP_MAGIC = b"\x1f\x8b"  # what archives of Koers before encryption begin with


class UnencryptedArchive(BackupError):
    """An archive from before encryption: it cannot be authenticated."""


def _archive_aead(key: BackupKey, header: bytes) -> AESGCM:
    salt = header[-SALT_BYTES:]
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=header)
    return AESGCM(derived.derive(key.secret))


def _nonce(counter: int, *, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class EncryptingWriter:
    """A write-only stream that encrypts into `sink`; call `finish()` after the last write."""

    def __init__(self, sink: BinaryIO, key: BackupKey) -> None:
        header = MAGIC + bytes([VERSION]) + key.key_id + secrets.token_bytes(SALT_BYTES)
        self._aead = _archive_aead(key, header)
        self._sink = sink
        self._sink.write(header)
        self._buffer = bytearray()
        self._counter = 0

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        nonce = _nonce(self._counter, last=last)
        self._sink.write(self._aead.encrypt(nonce, chunk, None))
        self._counter += 1

    def write(self, data: bytes) -> int:
        self._buffer += data
        # Whole chunks go out only while more data follows: the last chunk is known at finish.
        whole = (len(self._buffer) - 1) // CHUNK_BYTES
        for index in range(whole):
            start = index * CHUNK_BYTES
            self._seal(bytes(self._buffer[start : start + CHUNK_BYTES]), last=False)
        del self._buffer[: whole * CHUNK_BYTES]
        return len(data)

    def finish(self) -> None:
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()


def _altered() -> BackupError:
    return BackupError(
        _(
            "The archive fails its authenticity check: it was changed or damaged after it was "
            "made, or it was not made with this installation's key. It cannot be restored."
        )
    )


def _cut_off() -> BackupError:
    return BackupError(
        _(
            "The archive is incomplete: it ends before its last part, so it was cut off while "
            "it was written or copied. Restore another one."
        )
    )


def read_header(source: BinaryIO) -> bytes:
    """The header of an encrypted archive; refuses anything else with the reason."""
    header = source.read(HEADER_BYTES)
    if not header.startswith(MAGIC):
        if header.startswith(GZIP_MAGIC):
            raise UnencryptedArchive(
                _(
                    "The archive is not encrypted (it was made by a Koers from before backups "
                    "were encrypted), so nobody can tell whether it was changed. Restore it only "
                    "when you know where it has been, with --allow-unencrypted."
                )
            )
        if header and MAGIC.startswith(header):
            raise _cut_off()
        raise BackupError(_("The file is not a Koers backup."))
    if len(header) < HEADER_BYTES:
        raise _cut_off()
    version = header[len(MAGIC)]
    if version != VERSION:
        raise BackupError(
            _(
                "The archive has format version %(version)s, which this version of Koers does "
                "not read. Restore it with a newer Koers."
            )
            % {"version": version}
        )
    return header


def header_key_id(header: bytes) -> bytes:
    start = len(MAGIC) + 1
    return header[start : start + KEY_ID_BYTES]


class DecryptingReader:
    """A read-only stream of the archive inside `source`, authenticated chunk by chunk.

    `read` returns only authenticated data. Call `read_to_end()` before trusting that the
    whole archive is there: a reader (tar) may stop before the last chunk.
    """

    def __init__(self, source: BinaryIO, keys: list[BackupKey]) -> None:
        self._source = source
        self._digest = hashlib.sha256()
        header = read_header(source)
        self._digest.update(header)
        key_id = header_key_id(header)
        key = next((k for k in keys if k.key_id == key_id), None)
        if key is None:
            raise BackupError(
                _(
                    "The archive was encrypted with the key %(archive_key)s, which is not among "
                    "this installation's backup keys (%(our_keys)s). Add that key after the "
                    "current one in KOERS_BACKUP_KEY or the key file."
                )
                % {"archive_key": key_id.hex(), "our_keys": ", ".join(k.label for k in keys)}
            )
        self.key_id = key_id.hex()
        self._aead = _archive_aead(key, header)
        self._counter = 0
        self._finished = False
        self._next = self._read_sealed()
        self._plain = b""
        self._position = 0

    def _read_sealed(self) -> bytes:
        sealed = self._source.read(SEALED_CHUNK_BYTES)
        self._digest.update(sealed)
        return sealed

    def _open_next(self) -> bytes:
        sealed, self._next = self._next, self._read_sealed()
        if not sealed:
            raise _cut_off()
        last = not self._next  # the final chunk is the one the file ends with
        try:
            plain = self._aead.decrypt(_nonce(self._counter, last=last), sealed, None)
        except InvalidTag:
            raise self._diagnose(sealed, last=last) from None
        self._counter += 1
        self._finished = last
        return plain

    def _diagnose(self, sealed: bytes, *, last: bool) -> BackupError:
        """Cut off after a whole chunk, or altered: the next chunk number says which."""
        if last:
            try:
                self._aead.decrypt(_nonce(self._counter, last=False), sealed, None)
            except InvalidTag:
                return _altered()
            return _cut_off()
        return _altered()

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            return b"".join(iter(lambda: self.read(CHUNK_BYTES), b""))
        while self._position >= len(self._plain):
            if self._finished:
                return b""
            self._plain, self._position = self._open_next(), 0
        data = self._plain[self._position : self._position + size]
        self._position += len(data)
        return data

    def read_to_end(self) -> str:
        """Authenticate whatever is left; the SHA-256 of the whole archive file."""
        while self.read(CHUNK_BYTES):
            pass
        return self._digest.hexdigest()
