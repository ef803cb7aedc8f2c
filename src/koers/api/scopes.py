"""Which scopes a user may give her keys: those whose data her roles let her read."""

from __future__ import annotations

from typing import Any

from koers.accounts.policy import has_capability
from koers.api.models import SCOPE_CAPABILITY, ApiScope


def scopes_open_to(user: Any) -> set[ApiScope]:
    return {
        scope for scope, capability in SCOPE_CAPABILITY.items() if has_capability(user, capability)
    }
