"""Importing a statistics table: one pass over its rows, all or nothing.

The dry run reads the whole table and reports what the import would do: values added,
changed (with examples), unchanged and removed, values missing and why, and what does not
fit (region codes Koers does not know, periods it cannot read, cells that are not figures).
The import does the same inside one transaction; anything refused rolls all of it back, so
a table is never half-imported.

Memory does not grow with the table: the pass streams the file into `StagedValue` rows in
batches, and the comparison with what is stored (repeats, added, changed, removed) is done by
the database. The staged rows live only inside the transaction (a dry run rolls them back).

Refused:
- a table another organisation keeps (koers.insight.keepers): only its statistics managers
  replace its values;
- a cell that is not a figure, a period that is not one, the same value twice, a category
  the download does not list;
- a region Koers does not know, unless the user chose to leave those rows out;
- values of the earlier version that the new one no longer has (a table re-imported with
  fewer periods), unless the user chose to remove them. Removed and changed values are kept
  in the import's history (`ValueChange`), so nothing is lost even then.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.accounts.policy import has_capability, own_organisation
from koers.accounts.roles import Capability
from koers.core.audit import audit_installation, audit_write
from koers.insight.keepers import keeps, not_yours
from koers.insight.models import (
    Category,
    Dataset,
    DatasetImport,
    Dimension,
    DimensionKind,
    ImportMethod,
    Observation,
    StagedValue,
    Topic,
    ValueChange,
)
from koers.insight.regions import Regions
from koers.insight.statline.table import Table
from koers.insight.values import NotAValue, read_period, read_value

BATCH = 2_000
MAX_MESSAGES = 50  # the report lists this many problems, and counts all of them
MAX_EXAMPLES = 20  # changed values shown as examples


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
    kept_elsewhere: str = ""  # the refusal of a table someone else keeps

    def refuse_unless_kept_by(self, actor: Any, dataset: Dataset | None) -> None:
        """At the server (no actor) every table may be replaced; in the browser only by its
        keeper's statistics managers."""
        if actor is not None and dataset is not None and not keeps(actor, dataset.keeper_id):
            self.kept_elsewhere = not_yours(str(dataset), dataset.keeper_id)

    def problem(self, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_MESSAGES:
            self.problems.append(message)

    @property
    def refusals(self) -> list[str]:
        """Why the import cannot go ahead as asked; empty when it can."""
        reasons = [self.kept_elsewhere] if self.kept_elsewhere else []
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
    identity = {"source": table.info.source, "table_id": table.info.table_id}
    if dry_run:
        with transaction.atomic():
            dataset = Dataset.objects.filter(**identity).first()
            report.replaces_earlier = dataset is not None
            report.refuse_unless_kept_by(actor, dataset)
            if not report.kept_elsewhere:  # not hers to replace: the refusal is the report
                _compare(_stage(table, report), dataset, table, report)
            transaction.set_rollback(True)  # the staged rows go; nothing else was written
        return report
    with transaction.atomic():
        keeper = own_organisation(actor, Capability.MANAGE_STATISTICS) if actor else None
        dataset = _locked_dataset(identity, table.info.title, keeper)
        report.replaces_earlier = dataset.imports.exists()
        report.refuse_unless_kept_by(actor, dataset)
        if report.kept_elsewhere:
            raise ImportRefused(report)  # before reading a row: nothing is written
        run = _stage(table, report)
        _compare(run, dataset, table, report)
        if report.refusals:
            raise ImportRefused(report)  # rolls back everything, the new dataset too
        _Writer(table, dataset, actor=actor, method=method, is_example=is_example).write(
            run, report
        )
    report.imported = True
    return report


def _locked_dataset(identity: dict[str, str], title: str, keeper: int | None) -> Dataset:
    """The table's dataset, made if new (kept by `keeper`), locked until the import commits:
    two imports of one table run one after the other, the second comparing with what the
    first wrote."""
    dataset, _created = Dataset.objects.get_or_create(
        **identity,
        defaults={"title": title[:300], "imported_at": timezone.now(), "keeper_id": keeper},
    )
    return Dataset.objects.select_for_update().get(pk=dataset.pk)


def _stage(table: Table, report: ImportReport) -> uuid.UUID:
    """Stream the table's rows into staged values; report what cannot be read. Returns the
    run's id."""
    run = uuid.uuid4()
    regions = Regions()
    region_dim = table.dimension(DimensionKind.REGION)
    period_dim = table.dimension(DimensionKind.PERIOD)
    assert region_dim is not None and period_dim is not None  # the readers refuse others
    others = sorted(
        (d for d in table.dimensions if d.kind == DimensionKind.OTHER), key=lambda d: d.key
    )
    # The values as the database takes them: a UUID is text on SQLite, a uuid on PostgreSQL.
    run_id = StagedValue._meta.get_field("run").get_db_prep_value(run, connection)
    decimal_field = StagedValue._meta.get_field("value")
    batch: list[tuple[Any, ...]] = []
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
            batch.append(
                (
                    run_id,
                    row.line,
                    topic.key,
                    region.code,
                    period_code,
                    breakdown,
                    decimal_field.get_db_prep_value(value, connection),
                    missing,
                    provisional,
                    False,
                )
            )
            if len(batch) >= BATCH:
                _insert_staged(batch)
                batch = []
    _insert_staged(batch)
    return run


_STAGED_COLUMNS = (
    "run",
    "line",
    "topic_key",
    "region",
    "period",
    "breakdown",
    "value",
    "missing",
    "provisional",
    "repeated",
)
_STAGED_TYPES = (
    "uuid",
    "integer",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "numeric",
    "varchar",
    "boolean",
    "boolean",
)


def _insert_staged(rows: list[tuple[Any, ...]]) -> None:
    """Insert a batch of staged values as plain rows rather than with `bulk_create`: building
    and compiling a model instance per value was two thirds of a dry run's time. PostgreSQL
    takes the batch as one array a column (`UNNEST`); SQLite as multi-row VALUES, as many
    rows a statement as its 999 parameters allow."""
    if not rows:
        return
    table = connection.ops.quote_name(StagedValue._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in _STAGED_COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            arrays = ", ".join(f"%s::{kind}[]" for kind in _STAGED_TYPES)
            cursor.execute(
                f"INSERT INTO {table} ({columns}) SELECT * FROM UNNEST({arrays})",  # noqa: S608 - names from the model
                [list(column) for column in zip(*rows, strict=True)],
            )
            return
        row_marks = "(" + ", ".join(["%s"] * len(_STAGED_COLUMNS)) + ")"
        per_statement = (connection.features.max_query_params or 999) // len(_STAGED_COLUMNS)
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([row_marks] * len(chunk))}",  # noqa: S608 - names from the model
                [value for row in chunk for value in row],
            )


def _compare(run: uuid.UUID, dataset: Dataset | None, table: Table, report: ImportReport) -> None:
    """Fill the report's counts by comparing the staged values with the stored ones, in the
    database: a handful of queries whatever the table's size."""
    staged = StagedValue.objects.filter(run=run)
    same_key = {field: OuterRef(field) for field in ("topic_key", "region", "period", "breakdown")}
    staged.filter(
        Exists(StagedValue.objects.filter(run=run, pk__lt=OuterRef("pk"), **same_key))
    ).update(repeated=True)
    _report_repeats(staged.filter(repeated=True), table, report)
    firsts = staged.filter(repeated=False)
    if dataset is not None and dataset.observations.exists():
        firsts.update(
            observation=Subquery(
                Observation.objects.filter(
                    dataset=dataset,
                    topic__key=OuterRef("topic_key"),
                    region=OuterRef("region"),
                    period=OuterRef("period"),
                    breakdown=OuterRef("breakdown"),
                ).values("pk")[:1]
            )
        )
    report.added = firsts.filter(observation__isnull=True).count()
    matched = _matched(run).aggregate(all=Count("pk"), same=Count("pk", filter=_SAME))
    report.unchanged = matched["same"]
    report.changed = matched["all"] - matched["same"]  # one pass over the join, not two
    report.missing.update(
        dict(
            firsts.exclude(missing="")
            .order_by()
            .values_list("missing")
            .annotate(count=Count("pk"))
            .values_list("missing", "count")
        )
    )
    examples = (
        _changed(run)
        .order_by("pk")
        .values_list(
            "topic_key",
            "region",
            "period",
            "breakdown",
            "observation__value",
            "observation__missing",
            "value",
            "missing",
        )[:MAX_EXAMPLES]
    )
    for topic, region, period, breakdown, old, old_missing, new, new_missing in examples:
        report.examples.append(
            Change(
                topic,
                region,
                period,
                breakdown,
                old=_shown(old, old_missing),
                new=_shown(new, new_missing),
            )
        )
    if dataset is not None:
        absent = _absent(run, dataset)
        report.removed = absent.count()
        report.removed_periods = set(absent.order_by().values_list("period", flat=True).distinct())


# A staged value equal to the stored one it matched. Both sides hold a value or the reason it
# is missing, never neither (the model's check), so a missing value compares as 0 with its
# reason beside it, and no comparison meets NULL.
_SAME = Q(
    observation__missing=F("missing"),
    observation__provisional=F("provisional"),
    stored_value=F("given_value"),
)


def _matched(run: uuid.UUID) -> QuerySet[StagedValue]:
    """The staged values (first of their key) that have a stored value with the same key."""
    return StagedValue.objects.filter(run=run, repeated=False, observation__isnull=False).annotate(
        stored_value=Coalesce("observation__value", Value(Decimal(0))),
        given_value=Coalesce("value", Value(Decimal(0))),
    )


def _changed(run: uuid.UUID) -> QuerySet[StagedValue]:
    return _matched(run).exclude(_SAME)


def _absent(run: uuid.UUID, dataset: Dataset) -> QuerySet[Observation]:
    """The stored values the new version lacks."""
    return Observation.objects.filter(dataset=dataset).exclude(
        Exists(StagedValue.objects.filter(run=run, observation=OuterRef("pk")))
    )


def _report_repeats(repeats: QuerySet[StagedValue], table: Table, report: ImportReport) -> None:
    titles = {topic.key: topic.title for topic in table.topics}
    count = repeats.count()
    room = max(0, MAX_MESSAGES - len(report.problems))
    for line, topic, region, period in repeats.order_by("pk").values_list(
        "line", "topic_key", "region", "period"
    )[:room]:
        report.problem(
            _("Row %(line)s: %(topic)s for %(region)s in %(period)s comes twice.")
            % {"line": line, "topic": titles.get(topic, topic), "region": region, "period": period}
        )
    report.problem_count += count - min(count, room)  # the ones not listed still count


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


def _in_batches(rows: QuerySet[Any], *fields: str) -> Iterator[list[tuple[Any, ...]]]:
    """`rows` (a query ordered by pk) as lists of at most BATCH tuples of `fields`, pk
    first, one query a batch: what a batch writes cannot disturb the next one's read."""
    last = 0
    while batch := list(rows.filter(pk__gt=last).values_list("pk", *fields)[:BATCH]):
        yield batch
        last = batch[-1][0]


class _Writer:
    """Writes what the comparison found, in batches, inside the import's transaction."""

    def __init__(
        self, table: Table, dataset: Dataset, *, actor: Any, method: str, is_example: bool
    ) -> None:
        now = timezone.now()
        info = table.info
        Dataset.objects.filter(pk=dataset.pk).update(
            title=info.title[:300],
            description=info.description,
            licence=info.licence,
            url=info.url,
            period_covered=info.period_covered,
            modified_at_source=info.modified_at_source,
            is_example=is_example,
            imported_at=now,
            imported_by=actor,
        )
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

    def write(self, run: uuid.UUID, report: ImportReport) -> None:
        # Removals first: they are found as the stored values no staged value matched, which
        # the values added next would otherwise join.
        if report.remove_absent:
            self._remove(run)
        self._change(run)
        self._add(run)
        StagedValue.objects.filter(run=run).delete()
        self._finish(report)

    def _remove(self, run: uuid.UUID) -> None:
        absent = _absent(run, self.dataset).order_by("pk")
        for batch in _in_batches(
            absent, "topic__key", "region", "period", "breakdown", "value", "missing"
        ):
            ValueChange.objects.bulk_create(
                self._history(key, old_value=value, old_missing=missing, removed=True)
                for _pk, *key, value, missing in batch
            )
            Observation.objects.filter(pk__in=[row[0] for row in batch]).delete()

    def _change(self, run: uuid.UUID) -> None:
        changed = _changed(run).order_by("pk")
        fields = ("topic_key", "region", "period", "breakdown", "value", "missing")
        for batch in _in_batches(
            changed, *fields, "provisional", "observation", "observation__value",
            "observation__missing",
        ):  # fmt: skip
            Observation.objects.bulk_update(
                [
                    Observation(pk=stored, value=value, missing=missing, provisional=provisional)
                    for *_key, value, missing, provisional, stored, _old, _was in batch
                ],
                ["value", "missing", "provisional"],
            )
            ValueChange.objects.bulk_create(
                self._history(
                    (topic, region, period, breakdown),
                    old_value=old,
                    old_missing=was,
                    new_value=value,
                    new_missing=missing,
                )
                for _pk, topic, region, period, breakdown, value, missing, _p, _o, old, was in batch
            )

    def _history(self, key: list[Any] | tuple[Any, ...], **values: Any) -> ValueChange:
        """What a value was and became, by its key (topic, region, period, breakdown)."""
        topic, region, period, breakdown = key
        return ValueChange(
            dataset_import=self.record,
            topic_key=topic,
            region=region,
            period=period,
            breakdown=breakdown,
            **values,
        )

    def _add(self, run: uuid.UUID) -> None:
        """The new values in one INSERT … SELECT from the staged rows: nothing passes through
        Python (on a first import, that is every value)."""
        quote = connection.ops.quote_name
        observations = quote(Observation._meta.db_table)
        staged = quote(StagedValue._meta.db_table)
        topics = quote(Topic._meta.db_table)
        values = ("region", "period", "breakdown", "value", "missing", "provisional")
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {observations} (dataset_id, topic_id, {', '.join(values)}) "  # noqa: S608 - names from the models
                f"SELECT %s, t.id, {', '.join(f's.{v}' for v in values)} "
                f"FROM {staged} s JOIN {topics} t ON t.dataset_id = %s AND t.key = s.topic_key "
                "WHERE s.run = %s AND s.repeated = %s AND s.observation_id IS NULL",
                [
                    self.dataset.pk,
                    self.dataset.pk,
                    StagedValue._meta.get_field("run").get_db_prep_value(run, connection),
                    False,
                ],
            )

    def _finish(self, report: ImportReport) -> None:
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
            # Every organisation reads the dataset; the entry goes to the importer's
            # organisation's log (its keeper's, koers.insight.keepers), where its
            # administrators read it.
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
