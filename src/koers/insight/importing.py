"""Importing a statistics table: one pass over its rows, all or nothing.

The dry run reads the whole table and reports what the import would do: values added,
changed (with examples), unchanged and removed, values missing and why, and what does not
fit (region codes Koers does not know, periods it cannot read, cells that are not figures).
The import does the same pass inside one transaction and writes as it reads; anything
refused rolls all of it back, so a table is never half-imported.

Refused:
- a cell that is not a figure, a period that is not one, the same value twice, a category
  the download does not list;
- a region Koers does not know, unless the user chose to leave those rows out;
- values of the earlier version that the new one no longer has (a table re-imported with
  fewer periods), unless the user chose to remove them. Removed and changed values are kept
  in the import's history (`ValueChange`), so nothing is lost even then.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.accounts.policy import has_capability, own_organisation
from koers.accounts.roles import Capability
from koers.core.audit import audit_installation, audit_write
from koers.insight.models import (
    Category,
    Dataset,
    DatasetImport,
    Dimension,
    DimensionKind,
    ImportMethod,
    Observation,
    Topic,
    ValueChange,
)
from koers.insight.regions import Regions
from koers.insight.statline.table import Table
from koers.insight.values import NotAValue, read_period, read_value

BATCH = 2_000
MAX_MESSAGES = 50  # the report lists this many problems, and counts all of them
MAX_EXAMPLES = 20  # changed values shown as examples

Key = tuple[str, str, str, str]  # topic key, region, period, breakdown
Stored = tuple[int, Decimal | None, str, bool]  # pk, value, missing, provisional


@dataclass(frozen=True)
class Change:
    topic: str
    region: str
    period: str
    breakdown: str
    old: str
    new: str


@dataclass
class ImportReport:
    table_id: str
    title: str
    replaces_earlier: bool = False
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    missing: Counter[str] = field(default_factory=Counter)
    unknown_regions: Counter[str] = field(default_factory=Counter)
    removed_periods: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    problem_count: int = 0
    examples: list[Change] = field(default_factory=list)
    skip_unknown_regions: bool = False
    remove_absent: bool = False
    imported: bool = False

    def problem(self, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_MESSAGES:
            self.problems.append(message)

    @property
    def refusals(self) -> list[str]:
        """Why the import cannot go ahead as asked; empty when it can."""
        reasons = []
        if self.problem_count:
            reasons.append(
                _("%(count)s cells or rows cannot be read (listed below).")
                % {"count": self.problem_count}
            )
        if self.unknown_regions and not self.skip_unknown_regions:
            reasons.append(
                _(
                    "%(count)s rows name a region Koers does not know: %(codes)s. Leave "
                    "those rows out to import the rest."
                )
                % {
                    "count": sum(self.unknown_regions.values()),
                    "codes": ", ".join(sorted(self.unknown_regions)[:10]),
                }
            )
        if self.removed and not self.remove_absent:
            reasons.append(
                _(
                    "The new version lacks %(count)s values the earlier one has (periods: "
                    "%(periods)s). Choose to remove them to import it; they stay in the history."
                )
                % {"count": self.removed, "periods": ", ".join(sorted(self.removed_periods)[:10])}
            )
        return reasons


class ImportRefused(Exception):
    def __init__(self, report: ImportReport) -> None:
        super().__init__("; ".join(report.refusals))
        self.report = report


def import_table(
    table: Table,
    *,
    actor: Any = None,
    method: str = ImportMethod.UPLOAD,
    dry_run: bool = True,
    skip_unknown_regions: bool = False,
    remove_absent: bool = False,
    is_example: bool = False,
) -> ImportReport:
    """Read `table` and report; unless `dry_run`, import it. An import that is refused
    raises ImportRefused (with the report) and changes nothing. `actor` None: the command or
    the shipped snapshot, run at the machine."""
    if actor is None and method == ImportMethod.UPLOAD:
        raise PermissionDenied
    if actor is not None and not has_capability(actor, Capability.MANAGE_STATISTICS):
        raise PermissionDenied
    report = ImportReport(
        table_id=table.info.table_id,
        title=table.info.title,
        skip_unknown_regions=skip_unknown_regions,
        remove_absent=remove_absent,
    )
    dataset = Dataset.objects.filter(source=table.info.source, table_id=table.info.table_id).first()
    report.replaces_earlier = dataset is not None
    if dry_run:
        _read(table, report, _stored(dataset), writer=None)
        return report
    with transaction.atomic():
        writer = _Writer(table, dataset, actor=actor, method=method, is_example=is_example)
        _read(table, report, _stored(dataset), writer=writer)
        if report.refusals:
            raise ImportRefused(report)  # rolls back everything the pass wrote
        writer.finish(report)
    report.imported = True
    return report


def _stored(dataset: Dataset | None) -> dict[Key, Stored]:
    if dataset is None:
        return {}
    return {
        (topic, region, period, breakdown): (pk, value, missing, provisional)
        for pk, topic, region, period, breakdown, value, missing, provisional in (
            Observation.objects.filter(dataset=dataset).values_list(
                "pk",
                "topic__key",
                "region",
                "period",
                "breakdown",
                "value",
                "missing",
                "provisional",
            )
        )
    }


def _read(
    table: Table, report: ImportReport, stored: dict[Key, Stored], writer: _Writer | None
) -> None:
    regions = Regions()
    region_dim = table.dimension(DimensionKind.REGION)
    period_dim = table.dimension(DimensionKind.PERIOD)
    assert region_dim is not None and period_dim is not None  # the readers refuse others
    others = sorted(
        (d for d in table.dimensions if d.kind == DimensionKind.OTHER), key=lambda d: d.key
    )
    seen: set[Key] = set()
    for row in table.rows():
        raw_region = row.dimensions.get(region_dim.key, "")
        region = regions.region_of(raw_region)
        if region is None:
            report.unknown_regions[raw_region or _("(empty)")] += 1
            continue
        raw_period = row.dimensions.get(period_dim.key, "")
        period = read_period(raw_period)
        if period is None:
            report.problem(
                _("Row %(line)s: %(period)r is not a period.")
                % {"line": row.line, "period": raw_period}
            )
            continue
        period_code, provisional = period
        listed = period_dim.categories.get(raw_period)
        provisional = provisional or bool(listed and listed[1])
        breakdown = _breakdown(row.dimensions, others, row.line, report)
        if breakdown is None:
            continue
        for topic in table.topics:
            try:
                value, missing = read_value(row.values.get(topic.key), dutch=table.dutch_numbers)
            except NotAValue:
                report.problem(
                    _("Row %(line)s, %(topic)s: %(cell)r is not a figure.")
                    % {"line": row.line, "topic": topic.title, "cell": row.values.get(topic.key)}
                )
                continue
            if missing:
                report.missing[missing] += 1
            key = (topic.key, region.code, period_code, breakdown)
            if key in seen:
                report.problem(
                    _("Row %(line)s: %(topic)s for %(region)s in %(period)s comes twice.")
                    % {
                        "line": row.line,
                        "topic": topic.title,
                        "region": region.code,
                        "period": period_code,
                    }
                )
                continue
            seen.add(key)
            before = stored.get(key)
            if before is None:
                report.added += 1
                if writer:
                    writer.add(key, value, missing, provisional)
            elif (before[1], before[2], before[3]) == (value, missing, provisional):
                report.unchanged += 1
            else:
                report.changed += 1
                if len(report.examples) < MAX_EXAMPLES:
                    report.examples.append(
                        Change(*key, old=_shown(before[1], before[2]), new=_shown(value, missing))
                    )
                if writer:
                    writer.change(key, before, value, missing, provisional)
    absent = [key for key in stored if key not in seen]
    report.removed = len(absent)
    report.removed_periods = {key[2] for key in absent}
    if writer and absent and report.remove_absent:
        writer.remove(absent, stored)


def _breakdown(
    dimensions: dict[str, str], others: list[Any], line: int, report: ImportReport
) -> str | None:
    parts = []
    for dimension in others:
        category = dimensions.get(dimension.key, "")
        if dimension.categories and category not in dimension.categories:
            report.problem(
                _("Row %(line)s: %(category)r is not a category of %(dimension)s.")
                % {"line": line, "category": category, "dimension": dimension.title}
            )
            return None
        parts.append(f"{dimension.key}={category}")
    return "|".join(parts)


def _shown(value: Decimal | None, missing: str) -> str:
    return missing if value is None else format(value.normalize(), "f")


class _Writer:
    """Writes what the pass reads, in batches, inside the import's transaction."""

    def __init__(
        self, table: Table, dataset: Dataset | None, *, actor: Any, method: str, is_example: bool
    ) -> None:
        now = timezone.now()
        info = table.info
        values = {
            "title": info.title,
            "description": info.description,
            "licence": info.licence,
            "url": info.url,
            "period_covered": info.period_covered,
            "modified_at_source": info.modified_at_source,
            "is_example": is_example,
            "imported_at": now,
            "imported_by": actor,
        }
        if dataset is None:
            dataset = Dataset.objects.create(source=info.source, table_id=info.table_id, **values)
        else:
            Dataset.objects.filter(pk=dataset.pk).update(**values)
            dataset.refresh_from_db()
        self.dataset = dataset
        self.actor = actor
        self.method = method
        self.topics = self._topics(table)
        self._dimensions(table)
        self.record = DatasetImport.objects.create(
            dataset=dataset,
            imported_at=now,
            imported_by=actor,
            method=method,
            file_name=table.file_name[:300],
            modified_at_source=info.modified_at_source,
        )
        self.new: list[Observation] = []
        self.updated: list[Observation] = []
        self.history: list[ValueChange] = []

    def _topics(self, table: Table) -> dict[str, int]:
        ids = {}
        for position, spec in enumerate(table.topics):
            topic, _created = Topic.objects.update_or_create(
                dataset=self.dataset,
                key=spec.key,
                defaults={
                    "title": spec.title[:300],
                    "unit": spec.unit[:60],
                    "decimals": spec.decimals,
                    "description": spec.description,
                    "position": position,
                },
            )
            ids[spec.key] = topic.pk
        return ids

    def _dimensions(self, table: Table) -> None:
        for position, spec in enumerate(table.dimensions):
            dimension, _created = Dimension.objects.update_or_create(
                dataset=self.dataset,
                key=spec.key,
                defaults={"title": spec.title[:300], "kind": spec.kind, "position": position},
            )
            # One read and two bulk writes per dimension, however many categories it has.
            stored = {category.key: category for category in dimension.categories.all()}
            new, changed = [], []
            for key, (title, provisional) in spec.categories.items():
                key, title = key[:60], title[:300]
                category = stored.get(key)
                if category is None:
                    new.append(
                        Category(dimension=dimension, key=key, title=title, provisional=provisional)
                    )
                elif (category.title, category.provisional) != (title, provisional):
                    category.title, category.provisional = title, provisional
                    changed.append(category)
            Category.objects.bulk_create(new, batch_size=BATCH)
            Category.objects.bulk_update(changed, ["title", "provisional"], batch_size=BATCH)

    def add(self, key: Key, value: Decimal | None, missing: str, provisional: bool) -> None:
        topic, region, period, breakdown = key
        self.new.append(
            Observation(
                dataset=self.dataset,
                topic_id=self.topics[topic],
                region=region,
                period=period,
                breakdown=breakdown,
                value=value,
                missing=missing,
                provisional=provisional,
            )
        )
        if len(self.new) >= BATCH:
            self._flush()

    def change(
        self, key: Key, before: Stored, value: Decimal | None, missing: str, provisional: bool
    ) -> None:
        self.updated.append(
            Observation(pk=before[0], value=value, missing=missing, provisional=provisional)
        )
        self.history.append(
            self._history(key, before, new_value=value, new_missing=missing, removed=False)
        )
        if len(self.updated) >= BATCH:
            self._flush()

    def remove(self, absent: list[Key], stored: dict[Key, Stored]) -> None:
        self._flush()
        for start in range(0, len(absent), BATCH):
            chunk = absent[start : start + BATCH]
            ValueChange.objects.bulk_create(
                [self._history(key, stored[key], None, "", removed=True) for key in chunk]
            )
            Observation.objects.filter(pk__in=[stored[key][0] for key in chunk]).delete()

    def _history(
        self,
        key: Key,
        before: Stored,
        new_value: Decimal | None,
        new_missing: str,
        *,
        removed: bool,
    ) -> ValueChange:
        topic, region, period, breakdown = key
        return ValueChange(
            dataset_import=self.record,
            topic_key=topic,
            region=region,
            period=period,
            breakdown=breakdown,
            old_value=before[1],
            old_missing=before[2],
            new_value=new_value,
            new_missing=new_missing,
            removed=removed,
        )

    def _flush(self) -> None:
        Observation.objects.bulk_create(self.new, batch_size=BATCH)
        Observation.objects.bulk_update(
            self.updated, ["value", "missing", "provisional"], batch_size=BATCH
        )
        ValueChange.objects.bulk_create(self.history, batch_size=BATCH)
        self.new, self.updated, self.history = [], [], []

    def finish(self, report: ImportReport) -> None:
        self._flush()
        counts = {
            "added": report.added,
            "changed": report.changed,
            "removed": report.removed if report.remove_absent else 0,
            "unchanged": report.unchanged,
        }
        DatasetImport.objects.filter(pk=self.record.pk).update(**counts)
        if not self.dataset.period_covered:  # a CSV export does not say: read off the values
            years = Observation.objects.filter(dataset=self.dataset).aggregate(
                first=Min("period"), last=Max("period")
            )
            if years["first"]:
                first, last = years["first"][:4], years["last"][:4]
                self.dataset.period_covered = first if first == last else f"{first}–{last}"
                self.dataset.save(update_fields=["period_covered"])
        after = {"table": self.dataset.table_id, "method": self.method, **counts}
        if self.actor is None:
            audit_installation(action="dataset.imported", subject=str(self.dataset), after=after)
        else:
            # The dataset is the installation's; the entry goes to the importer's organisation's
            # log, where its administrators read it.
            audit_write(
                actor=self.actor,
                action="dataset.imported",
                instance=self.dataset,
                after=after,
                organisation_id=own_organisation(self.actor, Capability.MANAGE_STATISTICS),
            )


def rows_of(report: ImportReport) -> Iterator[tuple[str, str]]:
    """The report as (what, how many) lines, for the command and the page."""
    yield _("values added"), str(report.added)
    yield _("values changed"), str(report.changed)
    yield _("values unchanged"), str(report.unchanged)
    yield _("values the new version lacks"), str(report.removed)
    for reason, count in sorted(report.missing.items()):
        yield _("values missing (%(reason)s)") % {"reason": reason}, str(count)
    yield _("rows with a region Koers does not know"), str(sum(report.unknown_regions.values()))
    yield _("cells or rows that cannot be read"), str(report.problem_count)
