"""Import of organisations from CSV or Excel (a spreadsheet, or an export of another
system), with a dry run.

Columns (first row; Dutch or English names, any order, case ignored):

| column | also | required | content |
| --- | --- | --- | --- |
| naam | name, organisatie, organisation | yes | |
| korte naam | short name, afkorting | | |
| soort | kind, type | | by its Dutch or English name (Gemeente, Financier, …); else the import's |
| gemeente | municipality | | by name (Urk, Gemeente Urk) or CBS code (GM0184, 0184) |
| adres | address | | |
| website | site, url | | www.urk.nl or https://www.urk.nl |
| sector | | | care, welfare, sport, … |
| moederorganisatie | parent, onderdeel van | | by (short) name: in Koers, or a row of the file |
| tags | labels, trefwoorden | | separated by commas |

A row is a duplicate, and has a problem naming the look-alike, when its name (compared
without accents, case, punctuation or legal form, so "Stichting X" is X) or its website
is that of an organisation in Koers (`possible_duplicates`), or of an earlier row.

The dry run reports every row's problems and saves nothing. The import itself saves
nothing while any row fails, unless the user chose to skip failing rows (then rows whose
parent is skipped are skipped too); those download with their problems. Every saved row
goes through `organisation_save`, with its own audit entry; a parent in the file is saved
before its children.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from koers.core import tables
from koers.core.models import Municipality
from koers.directory.duplicates import OrganisationIndex, fold, name_key
from koers.directory.models import Organisation, OrganisationKind
from koers.directory.organisations import services
from koers.directory.organisations.tags import long_tags

COLUMNS = {
    "name": ("naam", "name", "organisatie", "organisation", "organization"),
    "short_name": ("korte naam", "short name", "short_name", "afkorting"),
    "kind": ("soort", "kind", "type"),
    "municipality": ("gemeente", "municipality"),
    "address": ("adres", "address"),
    "website": ("website", "site", "url"),
    "sector": ("sector",),
    "parent": ("moederorganisatie", "parent", "parent organisation", "onderdeel van"),
    "tags": ("tags", "labels", "trefwoorden"),
}
MAX_ROWS = 5000
# Words a spreadsheet uses for a kind, besides the kinds' own names in Dutch and English.
KIND_WORDS = {
    "zorg": OrganisationKind.CARE,
    "welzijn": OrganisationKind.CARE,
    "onderwijs": OrganisationKind.EDUCATION,
    "school": OrganisationKind.EDUCATION,
    "fonds": OrganisationKind.FUNDER,
    "bewonersorganisatie": OrganisationKind.RESIDENTS,
    "patientenorganisatie": OrganisationKind.RESIDENTS,
}


@dataclass
class NewOrganisation:
    """What a passing row becomes: the fields, its tags, and its parent (in Koers, or the
    row of the file that holds it)."""

    values: dict[str, Any]
    tags: str
    parent_line: int | None = None


@dataclass
class _Seen:
    koers: OrganisationIndex
    municipalities: dict[str, Municipality]
    kinds: dict[str, str]
    file: OrganisationIndex = field(default_factory=lambda: OrganisationIndex([]))
    lines: dict[int, int] = field(default_factory=dict)  # id() of a row's record → its line


def read(path: Path) -> list[list[str]]:
    """The file's rows, with one more than allowed when it is longer (see `check`)."""
    return tables.read_table(path, MAX_ROWS)


def _kinds() -> dict[str, str]:
    found = {fold(word): str(kind) for word, kind in KIND_WORDS.items()}
    for value, label in OrganisationKind.choices:
        found[fold(value)] = value
        for language in ("en", "nl"):
            with translation.override(language):
                found[fold(str(label))] = value
    return found


def _municipalities() -> dict[str, Municipality]:
    found = {}
    for municipality in Municipality.objects.all():
        found[name_key(municipality.name)] = municipality
        code = municipality.code.upper()
        found[code.lower()] = municipality
        digits = code.removeprefix("GM")
        found[digits] = found[digits.lstrip("0")] = municipality
    return found


def check(rows: list[list[str]], *, kind: str) -> tables.ImportReport:
    """Validate every row against the model and against duplicates; saves nothing. Each
    passing row carries its `NewOrganisation`."""
    report, header = tables.begin(rows, COLUMNS, required="name", max_rows=MAX_ROWS)
    if header is None:
        return report
    seen = _Seen(OrganisationIndex(), _municipalities(), _kinds())
    for line, raw, values in tables.data_rows(rows, header):
        row = tables.ImportRow(line, raw, values, label=values["name"])
        report.rows.append(row)
        _check_row(row, seen, kind)
    _check_parents(report, seen)
    return report


def _check_row(row: tables.ImportRow, seen: _Seen, default_kind: str) -> None:
    values, problems = row.values, row.problems
    kind = default_kind
    if values.get("kind"):
        kind = seen.kinds.get(fold(values["kind"]), "")
        if not kind:
            problems.append(_("Kind '%(value)s' is unknown.") % {"value": values["kind"]})
    municipality = None
    if values.get("municipality"):
        text = values["municipality"]
        municipality = seen.municipalities.get(name_key(text)) or seen.municipalities.get(
            text.strip().lower().lstrip("0") or "-"
        )
        if municipality is None:
            problems.append(_("Municipality '%(value)s' is unknown.") % {"value": text})
    website = values.get("website", "")
    if website and not re.match(r"^[a-z]+://", website, re.IGNORECASE):
        website = f"https://{website}"
    organisation = Organisation(
        name=values["name"],
        short_name=values.get("short_name", ""),
        kind=kind or default_kind,
        municipality=municipality,
        website=website,
        address=values.get("address", ""),
        sector=values.get("sector", ""),
    )
    try:
        organisation.full_clean(exclude=["slug", "tags", "parent"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            label = str(getattr(Organisation._meta.get_field(name), "verbose_name", name))
            problems.extend(f"{label}: {text}" for text in messages)
    problems.extend(long_tags(values.get("tags", "")))
    _check_duplicates(row, seen, organisation)
    row.record = NewOrganisation(
        values={name: getattr(organisation, name) for name in services.ORGANISATION_FIELDS},
        tags=values.get("tags", ""),
    )


def _check_duplicates(row: tables.ImportRow, seen: _Seen, organisation: Organisation) -> None:
    if not organisation.name:
        return
    if twins := seen.koers.like(organisation.name, organisation.website):
        row.problems.append(
            _("Looks like %(names)s, already in Koers.")
            % {"names": ", ".join(o.name for o in twins)}
        )
    elif earlier := seen.file.like(organisation.name, organisation.website):
        row.problems.append(
            _("Looks like row %(line)s (%(name)s).")
            % {"line": seen.lines[id(earlier[0])], "name": earlier[0].name}
        )
    seen.file.add(organisation)
    seen.lines[id(organisation)] = row.line


def _check_parents(report: tables.ImportReport, seen: _Seen) -> None:
    """Each row's parent: in Koers if there, else a row of the file (before or after it).
    A row in a loop of parents fails, and so does a row whose parent row fails, so that
    skipping rows never saves a child without its parent."""
    for row in report.rows:
        name = row.values.get("parent", "")
        if not name:
            continue
        parent, problem = seen.koers.find_one(name)
        in_file = seen.file.find(name)
        if parent is not None or not in_file:
            row.record.values["parent"] = parent
            if problem:
                row.problems.append(problem)
        elif seen.lines[id(in_file[0])] == row.line:
            row.problems.append(_("An organisation cannot be its own parent."))
        else:
            row.record.parent_line = seen.lines[id(in_file[0])]
    by_line = {row.line: row for row in report.rows}
    for row in report.rows:
        if _in_a_loop(row, by_line):
            row.problems.append(_("The parent organisations in the file form a loop."))
    changed = True
    while changed:
        changed = False
        for row in report.passing:
            parent_line = row.record.parent_line
            if parent_line is not None and by_line[parent_line].problems:
                row.problems.append(
                    _("Its parent organisation (row %(line)s) has problems.")
                    % {"line": parent_line}
                )
                changed = True
    for row in report.failing:
        row.record = None


def _in_a_loop(row: tables.ImportRow, by_line: dict[int, tables.ImportRow]) -> bool:
    visited: set[int] = set()
    line: int | None = row.line
    while line is not None and line not in visited:
        visited.add(line)
        line = by_line[line].record.parent_line
    return line == row.line


@transaction.atomic
def apply(
    report: tables.ImportReport, *, actor: Any, skip_failing: bool, remote_addr: str | None
) -> int:
    """Save the passing rows through `organisation_save` (parents before their children);
    refuses (saving nothing) while rows fail, unless skipping them."""
    report.refuse_unless_importable(skip_failing=skip_failing)
    by_line = {row.line: row for row in report.passing}

    def depth(row: tables.ImportRow) -> int:  # how many of its ancestors are in the file
        parent_line = row.record.parent_line
        return 0 if parent_line is None else 1 + depth(by_line[parent_line])

    saved: dict[int, Organisation] = {}
    for row in sorted(report.passing, key=depth):
        new: NewOrganisation = row.record
        values = dict(new.values)
        if new.parent_line is not None:
            values["parent"] = saved[new.parent_line]
        saved[row.line] = services.organisation_save(
            actor=actor,
            values=values,
            tags=services.tags_create(new.tags),
            accept_duplicates=True,  # checked for the whole file by `check`
            action="organisation.imported",
            remote_addr=remote_addr,
        )
    return len(saved)
