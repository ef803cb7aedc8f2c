"""The secret links of matching's public side (the sign-up's confirmation, the "ik ben weer
beschikbaar" invitation): only the SHA-256 of a secret is stored, a link expires, and it
works once. A new row gets a placeholder secret nobody knows; the worker that mails the
link makes the real one, so no secret ever rests in the task queue."""

from __future__ import annotations

import hashlib
import secrets

# Longer than any secret `new_secret` makes; a longer "token" is not looked up at all.
MAX_TOKEN_LENGTH = 100


class LinkRefused(Exception):
    """The link cannot be used: `gone` False = no such link (404), True = it was, but is
    expired or used (410). The message says which, in the reader's language."""

    def __init__(self, message: str, *, gone: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.gone = gone


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def placeholder_hash() -> str:
    """The hash of a secret that is thrown away at once: the row exists, no link works yet."""
    return token_hash(new_secret())
