"""Making and recognising API keys.

A key reads `koers_<prefix>_<secret>`: the prefix (12 hex characters) finds the stored key
with an index; the secret (32 random bytes) is compared by digest in constant time. The
word in front lets secret scanners and people recognise a Koers key in a leaked file.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.db.models import QuerySet

from koers.api.models import ApiToken

KEY_WORD = "koers"
# 48 bits: unique among the keys of any installation (a collision would refuse to store).
PREFIX_BYTES = 6


@dataclass(frozen=True)
class NewKey:
    prefix: str
    digest: str
    text: str  # the whole key, shown once


def digest_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def new_key() -> NewKey:
    prefix = secrets.token_hex(PREFIX_BYTES)
    text = f"{KEY_WORD}_{prefix}_{secrets.token_urlsafe(32)}"
    return NewKey(prefix=prefix, digest=digest_of(text), text=text)


def prefix_of(text: str) -> str | None:
    word, _, rest = text.partition("_")
    prefix, _, secret = rest.partition("_")
    if word != KEY_WORD or len(prefix) != 2 * PREFIX_BYTES or not secret:
        return None
    return prefix


def find_key(text: str, keys: QuerySet[ApiToken] | None = None) -> ApiToken | None:
    """The stored key `text` is (usable or not: the caller says why it refuses), or None;
    looked up in `keys` when given (the API's with what each call needs besides)."""
    prefix = prefix_of(text)
    if prefix is None:
        return None
    try:
        token = (
            (keys if keys is not None else ApiToken.objects)
            .select_related("user")
            .get(prefix=prefix)
        )
    except ApiToken.DoesNotExist:
        return None
    if not hmac.compare_digest(token.digest, digest_of(text)):
        return None
    return token
