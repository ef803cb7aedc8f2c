"""The answers every operation may give besides its own: not modified, and the problems."""

from __future__ import annotations

from typing import Any

from ninja import Router

from koers.api.problems import ProblemBody

ERRORS: dict[int, Any] = {
    304: None,
    400: ProblemBody,
    401: ProblemBody,
    403: ProblemBody,
    404: ProblemBody,
    429: ProblemBody,
}


class ApiRouter(Router):
    """A router whose answers use the fields' aliases (`_links`, which a Python name
    cannot start with)."""

    def get(self, path: str, **options: Any) -> Any:
        return super().get(path, by_alias=True, **options)
