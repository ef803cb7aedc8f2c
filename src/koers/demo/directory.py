"""The demo's directory: the organisations the seeds name, and a few hundred contact persons.

From the seeds: every organisation below, its kind and what it does (the source is noted per
group), the six municipalities with their CBS codes, and websites where they are public
knowledge. Left blank where not known: no website, sector or municipality is guessed.

Example data (the seeds name no persons): the contact persons, their positions, start dates
and e-mail addresses. Names come from a seeded `random.Random`, so every build, on SQLite
and on PostgreSQL, makes the same persons in the same order. Their e-mail addresses use the
organisation's own domain name under the reserved `.example` top-level domain (RFC 2606):
plausible to read, and unable to reach a real person who happens to share a made-up name.
Each person is marked `is_example` and says so on her page.

Organisations are written like the rest of the demo's reference data (found by slug, created
when missing). The persons and their positions are bulk-loaded, not written through
`relations.services.person_create`: they are a few hundred invented records, and an audit
entry per person would say that a demo user typed each of them in. Instead one audit entry
on the holding organisation records what the build loaded and when.

This module builds; the data is in `directory_organisations` and `directory_partners` (the
organisations) and `directory_persons` (names, job titles and purposes of the persons).
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from django.utils.text import slugify

from koers.core.audit import audit_write
from koers.core.models import Municipality
from koers.core.privacy import LawfulBasis
from koers.demo.directory_organisations import (
    MUNICIPALITIES,
    MUNICIPALITY_CONTACTS,
    MUNICIPALITY_WEBSITES,
    ORGANISATIONS_OF_THE_PLAN,
    K,
    Org,
)
from koers.demo.directory_partners import PARTNERS
from koers.demo.directory_persons import (
    FIRST_NAMES,
    GGD_TITLES,
    LAST_NAMES,
    PURPOSE_CONSENT,
    PURPOSE_PARTNER,
    PURPOSES,
    RESERVED_NAMES,
    TITLES,
)
from koers.directory.models import Organisation, Person, Position, Tag

# In the order the seeds name them; the build makes them in this order.
ORGANISATIONS = [*ORGANISATIONS_OF_THE_PLAN, *PARTNERS]


def build_municipalities(note: Any) -> dict[str, Municipality]:
    """The six municipalities of Flevoland, by slug."""
    municipalities = {}
    for code, name in MUNICIPALITIES:
        municipality, was = Municipality.objects.get_or_create(
            code=code, defaults={"name": name, "slug": slugify(name), "province_code": "PV24"}
        )
        note("municipalities", was)
        municipalities[municipality.slug] = municipality
    return municipalities


def build_organisations(
    municipalities: dict[str, Municipality], note: Any
) -> dict[str, Organisation]:
    """Every organisation of the seeds, by slug; those missing are added (in one go: the
    build runs in many tests)."""
    specs = _organisation_specs()
    found = {o.slug: o for o in Organisation.objects.filter(slug__in=[s.slug for s in specs])}
    missing = [spec for spec in specs if spec.slug not in found]
    added = Organisation.objects.bulk_create(
        [
            Organisation(
                slug=spec.slug,
                name=spec.name,
                short_name=spec.short,
                kind=spec.kind,
                municipality=municipalities.get(spec.municipality),
                website=spec.website,
                sector=spec.sector,
            )
            for spec in missing
        ]
    )
    note("organisations", len(added))
    names = sorted({name for spec in missing for name in spec.tags})
    Tag.objects.bulk_create([Tag(name=name) for name in names], ignore_conflicts=True)
    tags = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
    through = Organisation.tags.through
    through.objects.bulk_create(
        [
            through(organisation_id=organisation.pk, tag_id=tags[name])
            for organisation, spec in zip(added, missing, strict=True)
            for name in spec.tags
        ]
    )
    found.update((organisation.slug, organisation) for organisation in added)
    return {spec.slug: found[spec.slug] for spec in specs}


def _organisation_specs() -> list[Org]:
    specs = list(ORGANISATIONS)
    for _code, name in MUNICIPALITIES:
        slug = slugify(name)
        specs.append(
            Org(
                f"gemeente-{slug}",
                f"Gemeente {name}",
                K.MUNICIPALITY,
                name,
                slug,
                MUNICIPALITY_WEBSITES[slug],
                "overheid",
                ("BOSD",),
                MUNICIPALITY_CONTACTS[slug],
            )
        )
    return specs


def build_persons(
    holder: Organisation, organisations: dict[str, Organisation], note: Any
) -> dict[str, list[Person]]:
    """The example contact persons, held by `holder`, once; returns them per organisation
    slug (her current one), in the order they were made."""
    existing = Person.objects.filter(holder=holder, is_example=True)
    if existing.exists():
        return _by_organisation(existing)
    rng = random.Random(20211015)  # fixed seed: the same persons on every build
    specs = [spec for spec in _organisation_specs() if spec.contacts]
    taken = set(RESERVED_NAMES)
    emails: set[str] = set()
    persons: list[Person] = []
    positions: list[tuple[int, Position]] = []
    for spec in specs:
        organisation = organisations[spec.slug]
        titles = GGD_TITLES if spec.slug == "ggd-flevoland" else TITLES[spec.kind]
        style = rng.choice(("initial", "first", "first"))
        for _n in range(spec.contacts):
            first, infix, last = _name(rng, taken)
            started = dt.date(2006, 1, 1) + dt.timedelta(days=rng.randrange(15 * 365))
            consent = rng.random() < 0.08
            person = Person(
                holder=holder,
                first_name=first,
                infix=infix,
                last_name=last,
                email=_email(first, infix, last, _domain(spec), style, emails),
                purpose=PURPOSE_CONSENT if consent else PURPOSES.get(spec.kind, PURPOSE_PARTNER),
                lawful_basis=LawfulBasis.CONSENT if consent else LawfulBasis.LEGITIMATE_INTERESTS,
                consent_given_on=(
                    dt.date(2020, 9, 1) + dt.timedelta(days=rng.randrange(400)) if consent else None
                ),
                is_example=True,
            )
            index = len(persons)
            persons.append(person)
            positions.append(
                (
                    index,
                    Position(
                        organisation=organisation, title=rng.choice(titles), started_on=started
                    ),
                )
            )
            if rng.random() < 0.12:  # she came from another organisation of the directory
                before = organisations[rng.choice(specs).slug]
                if before.pk != organisation.pk:
                    began = started - dt.timedelta(days=rng.randrange(2 * 365, 9 * 365))
                    positions.append(
                        (
                            index,
                            Position(
                                organisation=before,
                                title=rng.choice(TITLES[K(before.kind)]),
                                started_on=began,
                                ended_on=started - dt.timedelta(days=1),
                            ),
                        )
                    )
    Person.objects.bulk_create(persons)
    for index, position in positions:
        position.person = persons[index]
    Position.objects.bulk_create([position for _index, position in positions])
    loaded(holder, note, persons=len(persons), positions=len(positions))
    return _by_organisation(Person.objects.filter(holder=holder, is_example=True))


def loaded(holder: Organisation, note: Any, **counts: int) -> None:
    """Count what was bulk-loaded, and say so in one audit entry on the holder (no actor: the
    build did it, not a user)."""
    for kind, count in counts.items():
        note(kind, count)
    audit_write(actor=None, action="demo.example_data", instance=holder, after=counts)


def _by_organisation(persons: Any) -> dict[str, list[Person]]:
    """Persons per the slug of the organisation of their current position, in creation order."""
    found: dict[str, list[Person]] = {}
    rows = (
        Position.objects.filter(person__in=persons, ended_on__isnull=True)
        .select_related("person", "organisation")
        .order_by("person_id")
    )
    for position in rows:
        found.setdefault(position.organisation.slug, []).append(position.person)
    return found


def _name(rng: random.Random, taken: set[tuple[str, str, str]]) -> tuple[str, str, str]:
    while True:
        first = rng.choice(FIRST_NAMES)
        infix, last = rng.choice(LAST_NAMES)
        if (first, infix, last) not in taken:
            taken.add((first, infix, last))
            return first, infix, last


def _domain(spec: Org) -> str:
    """The organisation's domain name under .example: ggdflevoland.example."""
    host = urlsplit(spec.website).hostname or ""
    stem = host.removeprefix("www.").rsplit(".", 1)[0] if host else spec.slug.replace("-", "")
    return f"{stem}.example"


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def _email(first: str, infix: str, last: str, domain: str, style: str, taken: set[str]) -> str:
    surname = _ascii(infix + last)
    local = f"{_ascii(first)[0]}.{surname}" if style == "initial" else f"{_ascii(first)}.{surname}"
    address, serial = f"{local}@{domain}", 1
    while address in taken:
        serial += 1
        address = f"{local}{serial}@{domain}"
    taken.add(address)
    return address
