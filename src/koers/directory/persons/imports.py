"""Import of persons from CSV or Excel (a spreadsheet, or a contacts export of Outlook),
with a dry run.

Columns (first row; Dutch or English names, any order, case ignored):

| column | also | required | content |
| --- | --- | --- | --- |
| achternaam | last name, surname | yes | |
| voornaam | first name, given name | | |
| tussenvoegsel | infix, middle name, middelste naam | | van, de, … |
| e-mail | email, e-mail address, e-mailadres | | |
| telefoon | phone, business phone, telefoon op werk | | |
| mobiel | mobile phone, mobiele telefoon | | used when there is no telefoon |
| organisatie | organisation, company, bedrijf | | an organisation in Koers, by (short) name |
| functie | position, job title | | her position there |
| doel | purpose | | else the purpose chosen for the whole import |
| grondslag | lawful basis | | else the basis chosen for the whole import |
| toestemming op | consent given on | when the basis is consent | a date, 2021-03-01 or 1-3-2021 |
| notities | notes | | |

An Outlook export (English: First Name, Middle Name, Last Name, Company, Job Title,
E-mail Address, Business Phone, Mobile Phone, Notes; Dutch: Voornaam, Middelste naam,
Achternaam, Bedrijf, Functie, E-mailadres, Telefoon op werk, Mobiele telefoon, Notities)
can be uploaded as it is: its other columns (home addresses, birthdays, …) are named in
the report and not imported, as Koers keeps only what work contacts need.

A row is a duplicate, and has a problem naming the look-alike, when a person of the same
holder has its e-mail address, or its name (compared without case, accents or
punctuation) and a position at its organisation; or when an earlier row of the file has.

The dry run reports every row's problems and saves nothing. The import itself saves
nothing while any row fails, unless the user chose to skip failing rows; those can be
downloaded with their problems. Every saved row has its own audit entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from koers.core import tables
from koers.core.privacy import LawfulBasis
from koers.directory.duplicates import OrganisationIndex, PersonIndex, person_key
from koers.directory.models import PERSON_FIELDS, Organisation, Person
from koers.directory.persons import services

COLUMNS = {
    "last_name": ("achternaam", "last name", "last_name", "surname"),
    "first_name": ("voornaam", "first name", "first_name", "given name"),
    "infix": ("tussenvoegsel", "infix", "middle name", "middelste naam"),
    "email": ("e-mail", "email", "e-mailadres", "e-mail address", "email address"),
    "phone": (
        "telefoon",
        "phone",
        "telefoonnummer",
        "telephone",
        "business phone",
        "telefoon op werk",
    ),
    "mobile": ("mobiel", "mobile phone", "mobile", "mobiele telefoon"),
    "organisation": ("organisatie", "organisation", "organization", "company", "bedrijf"),
    "title": ("functie", "position", "job title"),
    "purpose": ("doel", "purpose"),
    "lawful_basis": ("grondslag", "lawful basis", "lawful_basis"),
    "consent_given_on": ("toestemming op", "consent given on", "consent_given_on"),
    "notes": ("notities", "notes", "opmerkingen"),
}
MAX_ROWS = 5000
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


@dataclass
class NewPerson:
    """What a passing row becomes: the person's fields, and her position if any."""

    values: dict[str, Any]
    organisation: Organisation | None
    title: str


@dataclass
class Report(tables.ImportReport):
    look_alikes: list[Person] = field(default_factory=list)  # named in problems: logged


def read(path: Path) -> list[list[str]]:
    """The file's rows, with one more than allowed when it is longer (see `check`)."""
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


@dataclass
class _Seen:
    """What the check knows while it reads: Koers's records and the rows read so far."""

    organisations: OrganisationIndex
    persons: PersonIndex
    emails: dict[str, int] = field(default_factory=dict)
    names: dict[tuple[int, str], int] = field(default_factory=dict)


def check(
    rows: list[list[str]], *, holder: Organisation, purpose: str, lawful_basis: str
) -> Report:
    """Validate every row against the model and against duplicates; saves nothing."""
    report, header = tables.begin(
        rows, COLUMNS, required="last_name", max_rows=MAX_ROWS, report=Report
    )
    if header is None:
        return report
    seen = _Seen(OrganisationIndex(), PersonIndex(Person.objects.filter(holder=holder)))
    for line, raw, values in tables.data_rows(rows, header):
        row = tables.ImportRow(line, raw, values)
        report.rows.append(row)
        _check_row(row, report, seen, purpose=purpose, lawful_basis=lawful_basis)
    return report


def _check_row(
    row: tables.ImportRow, report: Report, seen: _Seen, *, purpose: str, lawful_basis: str
) -> None:
    values, problems = row.values, row.problems
    basis = lawful_basis
    if values.get("lawful_basis"):
        basis = _lawful_basis(values["lawful_basis"]) or ""
        if not basis:
            problems.append(
                _("Lawful basis '%(value)s' is unknown.") % {"value": values["lawful_basis"]}
            )
    consent = None
    if values.get("consent_given_on"):
        consent = _parse_date(values["consent_given_on"])
        if consent is None:
            problems.append(_("'%(value)s' is not a date.") % {"value": values["consent_given_on"]})
    person = Person(
        first_name=values.get("first_name", ""),
        infix=values.get("infix", ""),
        last_name=values.get("last_name", ""),
        email=values.get("email", "").lower(),
        phone=values.get("phone") or values.get("mobile", ""),
        notes=values.get("notes", ""),
        purpose=values.get("purpose") or purpose,
        lawful_basis=basis or LawfulBasis.LEGITIMATE_INTERESTS,
        consent_given_on=consent,
    )
    row.label = str(person)
    try:
        person.full_clean(exclude=["holder"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            label = _field_label(name)
            problems.extend(f"{label}: {text}" if label else text for text in messages)
    organisation = None
    if values.get("organisation"):
        organisation, problem = seen.organisations.find_one(values["organisation"])
        if problem:
            problems.append(problem)
    _check_duplicates(row, report, seen, person, organisation)
    if not problems:
        row.record = NewPerson(
            values={name: getattr(person, name) for name in PERSON_FIELDS},
            organisation=organisation,
            title=values.get("title", ""),
        )


# A reason names at most this many look-alikes: the rest as a count, so a cell of the failing
# rows stays readable (and within a spreadsheet's and csv's limits) however many match.
NAMED_AT_MOST = 5


def _named(twins: list[Person]) -> str:
    names = ", ".join(map(str, twins[:NAMED_AT_MOST]))
    rest = len(twins) - NAMED_AT_MOST
    if rest <= 0:
        return names
    more = ngettext("and %(count)s more", "and %(count)s more", rest) % {"count": rest}
    return f"{names} {more}"


def _check_duplicates(
    row: tables.ImportRow,
    report: Report,
    seen: _Seen,
    person: Person,
    organisation: Organisation | None,
) -> None:
    email = person.email
    key = person_key(person.first_name, person.infix, person.last_name)
    organisation_id = organisation.pk if organisation else None
    if twins := seen.persons.same_email(email):
        report.look_alikes.extend(twins)
        row.problems.append(
            _("Koers already has a person with this e-mail address: %(names)s.")
            % {"names": _named(twins)}
        )
    elif email in seen.emails:
        row.problems.append(
            _("Same e-mail address as row %(line)s.") % {"line": seen.emails[email]}
        )
    if twins := seen.persons.same_name_at(key, organisation_id):
        report.look_alikes.extend(twins)
        row.problems.append(
            _("Koers already has %(names)s at %(organisation)s.")
            % {"names": _named(twins), "organisation": organisation}
        )
    elif organisation_id is not None and (organisation_id, key) in seen.names:
        row.problems.append(
            _("Same name and organisation as row %(line)s.")
            % {"line": seen.names[(organisation_id, key)]}
        )
    if email:
        seen.emails.setdefault(email, row.line)
    if organisation_id is not None and key:
        seen.names.setdefault((organisation_id, key), row.line)


@transaction.atomic
def apply(
    report: Report,
    *,
    actor: Any,
    holder: Organisation,
    skip_failing: bool,
    remote_addr: str | None,
) -> int:
    """Save the passing rows, each through `person_create` with its audit entry; refuses
    (saving nothing) while rows fail, unless skipping them."""
    report.refuse_unless_importable(skip_failing=skip_failing)
    for row in report.passing:
        new: NewPerson = row.record
        services.person_create(
            actor=actor,
            holder=holder,
            remote_addr=remote_addr,
            action="person.imported",
            accept_duplicates=True,  # checked for the whole file by `check`
            organisation=new.organisation,
            title=new.title,
            **new.values,
        )
    return len(report.passing)
