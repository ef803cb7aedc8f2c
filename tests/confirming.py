"""Posting to an action that asks first (koers.core.confirm), as a person does: the first
post shows the question with a confirmation token; posting again with the token does it.

Tests that used to post straight to such an action post through `post_confirmed`, so they
still assert what the action does, now behind its question.
"""

from __future__ import annotations

import re
from typing import Any

from koers.core.confirm import POSTED_FIELD

TOKEN = re.compile(rf'name="{POSTED_FIELD}" value="([^"]+)"')


def token_in(response: Any) -> str | None:
    """The confirmation token the question page offers, if the response is one."""
    if response.status_code not in (200, 400, 409) or "text/html" not in response.get(
        "Content-Type", ""
    ):
        return None
    found = TOKEN.search(response.content.decode())
    return found.group(1) if found else None


def post_confirmed(client: Any, path: str, data: dict[str, Any] | None = None, **extra: Any) -> Any:
    """Post `data` to `path`; when the answer is the question, confirm it with its token.
    The answer to the confirmed post (or to the first, when it did not ask)."""
    data = dict(data or {})
    first = client.post(path, data, **extra)
    token = token_in(first)
    if token is None:
        return first
    return client.post(path, {**data, POSTED_FIELD: token}, **extra)
