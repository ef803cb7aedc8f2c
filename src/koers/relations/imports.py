"""Import of persons from CSV or Excel, with a dry run.

Columns (first row; Dutch or English names, any order, case ignored):

| column | also | required | content |
| --- | --- | --- | --- |
| achternaam | last name | yes | |
| voornaam | first name | | |
| tussenvoegsel | infix | | van, de, … |
| e-mail | email | | used to detect duplicates |
| telefoon | phone | | |
| organisatie | organisation | | an organisation already in Koers, by name or short name |
| functie | position | | the person's position there |
| doel | purpose | | else the purpose chosen for the whole import |
| grondslag | lawful basis | | else the basis chosen for the whole import |
| toestemming op | consent given on | when the basis is consent | a date, 2021-03-01 or 1-3-2021 |
| notities | notes | | |

The dry run reports every row's problems and saves nothing. The import itself saves
nothing while any row fails, unless the user chose to skip failing rows; then the
skipped rows are listed. Every saved row has its own audit entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core import tables
from koers.core.privacy import LawfulBasis
from koers.directory.models import Organisation, Person
from koers.relations import services

COLUMNS = {
    "last_name": ("achternaam", "last name", "last_name", "surname"),
    "first_name": ("voornaam", "first name", "first_name", "given name"),
    "infix": ("tussenvoegsel", "infix"),
    "email": ("e-mail", "email", "e-mailadres", "e-mail address", "email address"),
    "phone": ("telefoon", "phone", "telefoonnummer", "telephone", "mobile phone"),
    "organisation": ("organisatie", "organisation", "organization", "company", "bedrijf"),
    "title": ("functie", "position", "job title", "title"),
    "purpose": ("doel", "purpose"),
    "lawful_basis": ("grondslag", "lawful basis", "lawful_basis"),
    "consent_given_on": ("toestemming op", "consent given on", "consent_given_on"),
    "notes": ("notities", "notes", "opmerkingen"),
}
MAX_ROWS = 5000
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


@dataclass
class RowResult:
    line: int
    values: dict[str, str]
    problems: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        parts = (
            self.values.get("first_name"),
            self.values.get("infix"),
            self.values.get("last_name"),
        )
        return " ".join(part for part in parts if part)


@dataclass
class ImportReport:
    rows: list[RowResult]
    problems: list[str] = field(default_factory=list)  # about the file as a whole

    @property
    def failing(self) -> list[RowResult]:
        return [row for row in self.rows if row.problems]

    @property
    def passing(self) -> list[RowResult]:
        return [row for row in self.rows if not row.problems]


def read_table(path: Path) -> list[list[str]]:
    return tables.read_table(path, MAX_ROWS)


def _parse_date(text: str) -> dt.date | None:
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _field_label(name: str) -> str:
    if name == "__all__":
        return ""
    return str(getattr(Person._meta.get_field(name), "verbose_name", name))


def _lawful_basis(text: str) -> str | None:
    key = text.strip().lower()
    for value, label in LawfulBasis.choices:
        if key in {value, str(label).lower(), str(label).split(" (")[0].lower()}:
            return value
    return None


def check(
    rows: list[list[str]], *, holder: Organisation, purpose: str, lawful_basis: str
) -> ImportReport:
    """Validate every row against the model and against duplicates; saves nothing."""
    if not rows:
        return ImportReport([], [_("The file is empty.")])
    columns, unknown = tables.header_map(rows[0], COLUMNS)
    problems = []
    if "last_name" not in columns:
        problems.append(_("The first row must name the columns; a column 'achternaam' is missing."))
    if unknown:
        problems.append(
            _("Columns not recognised, ignored: %(names)s.") % {"names": ", ".join(unknown)}
        )
    if len(rows) > MAX_ROWS + 1:
        problems.append(_("At most %(max)s rows at a time.") % {"max": MAX_ROWS})
    if "last_name" not in columns:
        return ImportReport([], problems)
    organisations = {}
    for organisation in Organisation.objects.only("id", "name", "short_name"):
        organisations[organisation.name.lower()] = organisation
        if organisation.short_name:
            organisations.setdefault(organisation.short_name.lower(), organisation)
    known_emails = set(
        Person.objects.filter(holder=holder).exclude(email="").values_list("email", flat=True)
    )
    seen_emails: dict[str, int] = {}
    results = []
    for line, raw in enumerate(rows[1:], start=2):
        values = {name: (raw[i].strip() if i < len(raw) else "") for name, i in columns.items()}
        if not any(values.values()):
            continue
        results.append(
            _check_row(
                line,
                values,
                holder,
                purpose,
                lawful_basis,
                organisations,
                known_emails,
                seen_emails,
            )
        )
    return ImportReport(results, problems)


def _check_row(
    line: int,
    values: dict[str, str],
    holder: Organisation,
    purpose: str,
    lawful_basis: str,
    organisations: dict[str, Organisation],
    known_emails: set[str],
    seen_emails: dict[str, int],
) -> RowResult:
    row = RowResult(line, values)
    basis = lawful_basis
    if values.get("lawful_basis"):
        basis = _lawful_basis(values["lawful_basis"]) or ""
        if not basis:
            row.problems.append(
                _("Lawful basis '%(value)s' is unknown.") % {"value": values["lawful_basis"]}
            )
    consent = None
    if values.get("consent_given_on"):
        consent = _parse_date(values["consent_given_on"])
        if consent is None:
            row.problems.append(
                _("'%(value)s' is not a date.") % {"value": values["consent_given_on"]}
            )
    person = Person(
        holder=holder,
        first_name=values.get("first_name", ""),
        infix=values.get("infix", ""),
        last_name=values.get("last_name", ""),
        email=values.get("email", "").lower(),
        phone=values.get("phone", ""),
        notes=values.get("notes", ""),
        purpose=values.get("purpose") or purpose,
        lawful_basis=basis or LawfulBasis.LEGITIMATE_INTERESTS,
        consent_given_on=consent,
    )
    try:
        person.full_clean(exclude=["holder"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            label = _field_label(name)
            row.problems.extend(f"{label}: {text}" if label else text for text in messages)
    email = person.email
    if email and email in known_emails:
        row.problems.append(_("A person with this e-mail address already exists."))
    elif email and email in seen_emails:
        row.problems.append(
            _("Same e-mail address as row %(line)s.") % {"line": seen_emails[email]}
        )
    elif email:
        seen_emails[email] = line
    name = values.get("organisation", "")
    if name and name.lower() not in organisations:
        row.problems.append(
            _("Organisation '%(name)s' is not in Koers; add it first.") % {"name": name}
        )
    row.values["_organisation_id"] = (
        str(organisations[name.lower()].pk) if name and name.lower() in organisations else ""
    )
    row.values["_lawful_basis"] = person.lawful_basis
    row.values["_consent_given_on"] = consent.isoformat() if consent else ""
    row.values["_purpose"] = person.purpose
    return row


@transaction.atomic
def apply(
    report: ImportReport,
    *,
    actor: Any,
    holder: Organisation,
    skip_failing: bool,
    remote_addr: str | None,
) -> list[Person]:
    """Save the passing rows; refuses (saving nothing) when rows fail and not skipping."""
    if report.problems and not report.rows:
        raise ValidationError(report.problems)
    if report.failing and not skip_failing:
        raise ValidationError(
            _("%(count)s rows have problems; nothing was saved.") % {"count": len(report.failing)}
        )
    created = []
    for row in report.passing:
        values = row.values
        person = services.person_create(
            actor=actor,
            holder=holder,
            remote_addr=remote_addr,
            action="person.imported",
            first_name=values.get("first_name", ""),
            infix=values.get("infix", ""),
            last_name=values["last_name"],
            email=values.get("email", ""),
            phone=values.get("phone", ""),
            notes=values.get("notes", ""),
            purpose=values["_purpose"],
            lawful_basis=values["_lawful_basis"],
            consent_given_on=_parse_date(values["_consent_given_on"])
            if values["_consent_given_on"]
            else None,
        )
        if values["_organisation_id"]:
            services.position_add(
                actor=actor,
                person=person,
                remote_addr=remote_addr,
                organisation=Organisation.objects.get(pk=values["_organisation_id"]),
                title=values.get("title", ""),
            )
        created.append(person)
    return created
