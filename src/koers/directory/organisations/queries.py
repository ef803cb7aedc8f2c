"""Read-side of organisations: possible duplicates of a new or edited organisation."""

from __future__ import annotations

from koers.directory.duplicates import OrganisationIndex
from koers.directory.models import Organisation


def possible_duplicates(
    name: str, website: str = "", *, exclude_pk: int | None = None
) -> list[Organisation]:
    """Organisations whose name (or short name) compares equal, or with the same website."""
    candidates = Organisation.objects.only("pk", "name", "short_name", "website", "kind")
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    return OrganisationIndex(candidates).like(name, website)
