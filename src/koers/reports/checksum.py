"""The checksum a sent report's snapshot is kept with: whoever holds the content can show
it is what was sent (the same JSON, keys sorted, gives the same SHA-256)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder


def checksum(content: dict[str, Any]) -> str:
    return hashlib.sha256(
        json.dumps(content, sort_keys=True, cls=DjangoJSONEncoder).encode()
    ).hexdigest()
