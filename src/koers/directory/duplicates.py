"""Finding records that are already in Koers under a slightly different spelling: the
duplicate checks of entry and import, and finding an organisation by the name a
spreadsheet gives it.

Names are compared folded: without accents, case, spaces or punctuation ("Huis vóór
taal" is "huisvoortaal"); organisations also without their legal form ("Stichting X" is
X). Each index reads its records once, so an import of thousands of rows checks every row
without a query per row."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from koers.directory.models import Organisation, Person, Position

# Words that do not tell organisations apart ("Stichting X" is X).
_NOISE = re.compile(
    r"\b(gemeente|stichting|vereniging|coöperatie|cooperatie|de|het|van|b\.?v\.?|n\.?v\.?)\b"
)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def fold(text: str) -> str:
    """`text` without accents, case, spaces or punctuation."""
    return re.sub(r"[^a-z0-9]+", "", _ascii(text))


def name_key(name: str) -> str:
    """An organisation's name as compared for duplicates: folded, without legal form."""
    return fold(_NOISE.sub(" ", _ascii(name)))


def person_key(first_name: str, infix: str, last_name: str) -> str:
    """A person's name as compared for duplicates ("Anna-Lena de Vries" is "anna lena de
    vries"); the infix counts, as "De Boer" and "Boer" are different families."""
    return fold(f"{first_name} {infix} {last_name}")


def domain(website: str) -> str:
    host = re.sub(r"^https?://", "", website.strip().lower()).split("/")[0]
    return host.removeprefix("www.")


def _once(records: list[Any]) -> list[Any]:
    """`records` without repeats, in order (by identity: an import's are not saved yet)."""
    seen: set[int] = set()
    unique = []
    for record in records:
        if id(record) not in seen:
            seen.add(id(record))
            unique.append(record)
    return unique


class OrganisationIndex:
    """Organisations by folded name, short name and website, read once."""

    def __init__(self, organisations: Iterable[Organisation] | None = None) -> None:
        if organisations is None:
            organisations = Organisation.objects.only("pk", "name", "short_name", "website", "kind")
        self.by_key: dict[str, list[Organisation]] = defaultdict(list)
        self.by_domain: dict[str, list[Organisation]] = defaultdict(list)
        self.by_name: dict[str, list[Organisation]] = defaultdict(list)
        for organisation in organisations:
            self.add(organisation)

    def add(self, organisation: Organisation) -> None:
        keys = {name_key(organisation.name), name_key(organisation.short_name)} - {""}
        for key in keys:
            self.by_key[key].append(organisation)
        for name in {organisation.name.strip().lower(), organisation.short_name.strip().lower()}:
            if name:
                self.by_name[name].append(organisation)
        if site := domain(organisation.website):
            self.by_domain[site].append(organisation)

    def like(self, name: str, website: str = "") -> list[Organisation]:
        """Organisations whose name (or short name) compares equal, or with the same site."""
        found = list(self.by_key.get(name_key(name), [])) if name_key(name) else []
        if site := domain(website):
            found += self.by_domain.get(site, [])
        return _once(found)

    def find(self, name: str) -> list[Organisation]:
        """The organisations a spreadsheet means by `name`: those of exactly that name or
        short name (case ignored) if any, else those whose name compares equal."""
        found = self.by_name.get(name.strip().lower()) or (
            self.by_key.get(name_key(name), []) if name_key(name) else []
        )
        return _once(found)

    def find_one(self, name: str) -> tuple[Organisation | None, str]:
        """The one organisation a spreadsheet means by `name`, or what is wrong with it."""
        found = self.find(name)
        if len(found) == 1:
            return found[0], ""
        if found:
            names = ", ".join(o.name for o in found)
            return None, _(
                "'%(name)s' fits several organisations (%(names)s); use the full name."
            ) % {"name": name, "names": names}
        return None, _("Organisation '%(name)s' is not in Koers; add or import it first.") % {
            "name": name
        }


class PersonIndex:
    """Persons by e-mail address and by (organisation, folded name), read once."""

    def __init__(self, persons: QuerySet[Person]) -> None:
        self.by_email: dict[str, list[Person]] = defaultdict(list)
        self.by_name_at: dict[tuple[int, str], list[Person]] = defaultdict(list)
        positions = Prefetch(
            "positions", queryset=Position.objects.only("person_id", "organisation_id")
        )
        for person in persons.prefetch_related(positions):
            organisation_ids = {p.organisation_id for p in person.positions.all()}
            self.add(person, organisation_ids)

    def add(self, person: Any, organisation_ids: Iterable[int]) -> None:
        if person.email:
            self.by_email[person.email.strip().lower()].append(person)
        key = person_key(person.first_name, person.infix, person.last_name)
        for organisation_id in organisation_ids:
            self.by_name_at[(organisation_id, key)].append(person)

    def same_email(self, email: str) -> list[Person]:
        return list(self.by_email.get(email.strip().lower(), [])) if email.strip() else []

    def same_name_at(self, key: str, organisation_id: int | None) -> list[Person]:
        if organisation_id is None or not key:
            return []
        return list(self.by_name_at.get((organisation_id, key), []))
