"""What other apps hold about a person, registered so export, erasure and retention
cover every app without this one importing them.

An app that links records to persons (interactions, event attendance, …) registers a
`PersonLinks` in its AppConfig.ready(): how to export those records for a person, how
to erase or anonymise them, and when each person was last linked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from koers.directory.models import Person


@dataclass(frozen=True)
class PersonLinks:
    name: str  # a stable key for the export
    label: str | Promise
    export: Callable[[Person], list[dict[str, Any]]]
    erase: Callable[[Person], int]  # removes or anonymises; returns how many records
    last_linked: Callable[[Collection[int]], dict[int, dt.date]]  # person id → latest date


_LINKS: dict[str, PersonLinks] = {}


def register(links: PersonLinks) -> None:
    _LINKS[links.name] = links


def registered() -> list[PersonLinks]:
    return list(_LINKS.values())
