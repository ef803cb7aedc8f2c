"""Statistics as data: one generic model for every table, not a table per statistic.

A `Dataset` is one published table (CBS StatLine's "03759ned", or a seed's own figures). Its
`Topic`s are what it measures (inhabitants, jobs, a percentage), each with its unit. Its
`Dimension`s are how it is broken down: always a region (CBS codes: GM0034, PV24, NL01, …)
and a period (CBS codes: 2021JJ00, 2021KW03, 2021MM10), sometimes more (age band, sector),
each with its `Category`s. An `Observation` is one value: a topic, a region, a period and
the other dimensions' categories (`breakdown`). A value CBS does not give ("." unknown,
"x" secret) is stored as missing with its reason, never as zero.

Statistics are public: every organisation on the installation reads every dataset. Who may
replace a dataset's values is its `keeper`: the organisation whose statistics manager first
imported it, or none for the installation's own (shipped with Koers or imported at the
server); docs/tenancy.md says who keeps those.
Every import is a `DatasetImport`, and every value a re-import changed or removed is kept
as a `ValueChange`, so a newer version of a table never loses what it replaced.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _


class Dataset(models.Model):
    source = models.CharField(_("source"), max_length=100)  # "CBS StatLine", "Seed document"
    table_id = models.CharField(_("table id"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    url = models.URLField(_("address at the source"), max_length=300, blank=True)
    period_covered = models.CharField(_("period covered"), max_length=100, blank=True)
    # The table's own version at the source (StatLine's `Modified`), not when Koers read it.
    modified_at_source = models.DateTimeField(_("modified at the source"), null=True, blank=True)
    is_example = models.BooleanField(
        _("example data"),
        default=False,
        help_text=_("Figures made up for the demo (voorbeelddata), not published ones."),
    )
    imported_at = models.DateTimeField(_("imported at"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Who replaces its values (koers.insight.keepers); None: the installation's own.
    keeper = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("kept by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")
        constraints = [
            models.UniqueConstraint(fields=["source", "table_id"], name="insight_dataset_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.table_id})"


class Topic(models.Model):
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="topics")
    key = models.CharField(_("key"), max_length=120)
    title = models.CharField(_("title"), max_length=300)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=0)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["dataset", "position", "pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["dataset", "key"], name="insight_topic_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.unit})" if self.unit else self.title


class DimensionKind(models.TextChoices):
    REGION = "region", _("Region")
    PERIOD = "period", _("Period")
    OTHER = "other", _("Other")


class Dimension(models.Model):
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="dimensions")
    key = models.CharField(_("key"), max_length=120)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=DimensionKind.choices)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["dataset", "position", "pk"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        constraints = [
            models.UniqueConstraint(fields=["dataset", "key"], name="insight_dimension_unique")
        ]

    def __str__(self) -> str:
        return self.title


class Category(models.Model):
    """One value a dimension takes: a region, a period (with whether CBS calls its figures
    provisional), an age band."""

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="categories")
    key = models.CharField(_("key"), max_length=60)
    title = models.CharField(_("title"), max_length=300)
    provisional = models.BooleanField(_("provisional"), default=False)

    class Meta:
        ordering = ["dimension", "key"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(fields=["dimension", "key"], name="insight_category_unique")
        ]

    def __str__(self) -> str:
        return self.title


class Missing(models.TextChoices):
    """Why a value is not there, in CBS's own signs."""

    UNKNOWN = "unknown", _("Unknown (.)")
    SECRET = "secret", _("Secret (x)")


class Observation(models.Model):
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="observations")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="observations")
    region = models.CharField(_("region code"), max_length=12)
    period = models.CharField(_("period code"), max_length=12)
    # The other dimensions' categories as "Leeftijd=52052|Geslacht=T001038", dimensions in
    # key order; "" when the table has only region and period.
    breakdown = models.CharField(_("breakdown"), max_length=300, blank=True, default="")
    value = models.DecimalField(_("value"), max_digits=24, decimal_places=6, null=True, blank=True)
    missing = models.CharField(
        _("missing because"), max_length=10, choices=Missing.choices, blank=True
    )
    provisional = models.BooleanField(_("provisional"), default=False)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = [
            models.UniqueConstraint(
                fields=["topic", "region", "period", "breakdown"], name="insight_observation_unique"
            ),
            # A value, or the reason it is missing: never both, never neither.
            models.CheckConstraint(
                condition=(models.Q(value__isnull=True) & ~models.Q(missing=""))
                | (models.Q(value__isnull=False) & models.Q(missing="")),
                name="insight_observation_value_or_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["dataset", "region", "period"], name="insight_obs_region_period")
        ]

    def __str__(self) -> str:
        return f"{self.topic_id} {self.region} {self.period} {self.breakdown}".strip()


class StagedValue(models.Model):
    """A value read from a table being imported, held only inside the import's transaction.

    The import writes what it reads here in batches and compares it with what is stored in
    the database (duplicates, added, changed, removed), so its memory does not grow with the
    table. The rows never outlive the transaction: a dry run rolls them back, an import
    deletes them before it commits.
    """

    run = models.UUIDField()
    line = models.PositiveIntegerField()
    topic_key = models.CharField(max_length=120)
    region = models.CharField(max_length=12)
    period = models.CharField(max_length=12)
    breakdown = models.CharField(max_length=300, blank=True, default="")
    value = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    missing = models.CharField(max_length=10, blank=True)
    provisional = models.BooleanField(default=False)
    # A later row with the same topic, region, period and breakdown as an earlier one.
    repeated = models.BooleanField(default=False)
    # The stored value with the same key, if any. No constraint: a removal in the same
    # transaction may delete it first.
    observation = models.ForeignKey(
        Observation, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("value being imported")
        verbose_name_plural = _("values being imported")
        indexes = [
            models.Index(
                fields=["run", "topic_key", "region", "period", "breakdown"],
                name="insight_staged_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.topic_key} {self.region} {self.period} {self.breakdown}".strip()


class ImportMethod(models.TextChoices):
    COMMAND = "command", _("Command on the server")
    UPLOAD = "upload", _("Upload")
    SNAPSHOT = "snapshot", _("Snapshot shipped with Koers")


class DatasetImport(models.Model):
    """One import of a table: when, by whom, from what, and what it changed."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="imports")
    imported_at = models.DateTimeField(_("imported at"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    method = models.CharField(_("how"), max_length=10, choices=ImportMethod.choices)
    file_name = models.CharField(_("file"), max_length=300, blank=True)
    modified_at_source = models.DateTimeField(_("modified at the source"), null=True, blank=True)
    added = models.PositiveIntegerField(_("values added"), default=0)
    changed = models.PositiveIntegerField(_("values changed"), default=0)
    removed = models.PositiveIntegerField(_("values removed"), default=0)
    unchanged = models.PositiveIntegerField(_("values unchanged"), default=0)

    # Set by koers.insight.access.importers_shown for its reader (not a column).
    importer_shown: Any = None

    class Meta:
        ordering = ["-imported_at", "-pk"]
        verbose_name = _("import of a dataset")
        verbose_name_plural = _("imports of datasets")

    def __str__(self) -> str:
        moment = formats.date_format(timezone.localtime(self.imported_at), "DATETIME_FORMAT")
        return f"{self.dataset} {moment}"


class ValueChange(models.Model):
    """A value a re-import changed or removed: what it was, and what it became (nothing, for
    a removed one)."""

    dataset_import = models.ForeignKey(
        DatasetImport, on_delete=models.CASCADE, related_name="value_changes"
    )
    topic_key = models.CharField(_("topic"), max_length=120)
    region = models.CharField(_("region code"), max_length=12)
    period = models.CharField(_("period code"), max_length=12)
    breakdown = models.CharField(_("breakdown"), max_length=300, blank=True, default="")
    old_value = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    old_missing = models.CharField(max_length=10, choices=Missing.choices, blank=True)
    new_value = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    new_missing = models.CharField(max_length=10, choices=Missing.choices, blank=True)
    removed = models.BooleanField(_("removed"), default=False)

    class Meta:
        ordering = ["dataset_import", "topic_key", "region", "period", "breakdown"]
        verbose_name = _("changed value")
        verbose_name_plural = _("changed values")

    def __str__(self) -> str:
        return f"{self.topic_key} {self.region} {self.period}"
