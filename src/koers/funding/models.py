"""Money: grants and their cycle, advances, budgets, stated budget tables, the position.

A grant moves through one pipeline (`koers.funding.pipeline`); every step is kept as a
`GrantStep` with its date, so "when was it decided" is a fact, not a guess. Amounts are
`Decimal` euros with two places throughout; totals are summed in the database.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.uploads import validate_document


def money_field(verbose_name: Any, **kwargs: Any) -> Any:
    """Euros with two places, the one money type of Koers."""
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **kwargs)


class GrantKind(models.TextChoices):
    INSTITUTIONAL = "instellingssubsidie", _("Institutional grant")
    PROJECT = "projectsubsidie", _("Project grant")
    ASSIGNMENT = "opdracht", _("Assignment")
    FUND = "fonds", _("Application to a fund")


class GrantStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PREPARATION = "preparation", _("In preparation")
    SUBMITTED = "submitted", _("Submitted")
    GRANTED = "granted", _("Granted")
    REJECTED = "rejected", _("Rejected")
    RUNNING = "running", _("Running")
    ACCOUNTED = "accounted", _("Accounted for")
    SETTLED = "settled", _("Settled")


class GrantQuerySet(models.QuerySet["Grant"]):
    def applications(self) -> GrantQuerySet:
        """Grants someone applied for (institutional grants are the plan's own subsidy)."""
        return self.exclude(kind=GrantKind.INSTITUTIONAL)


class Grant(models.Model):
    """An application and, once decided, the grant: who pays what, for which work."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="grants_received",
        verbose_name=_("organisation"),
        help_text=_("The organisation that applies and carries out the work."),
    )
    funder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="grants_given",
        verbose_name=_("funder"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=GrantKind.choices)
    title = models.CharField(_("title"), max_length=200)
    reference = models.CharField(
        _("reference"), max_length=60, blank=True, help_text=_("The decision's reference.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=GrantStatus.choices, default=GrantStatus.IDEA
    )
    amount_requested = money_field(
        _("amount requested (€)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    amount_granted = money_field(
        _("amount granted (€)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    starts_on = models.DateField(_("period from"))
    ends_on = models.DateField(_("period until"))
    decided_on = models.DateField(_("date of the decision"), null=True, blank=True)
    programmes = models.ManyToManyField(
        "plans.Programme", blank=True, related_name="grants", verbose_name=_("programmes")
    )
    activities = models.ManyToManyField(
        "plans.Activity", blank=True, related_name="grants", verbose_name=_("activities")
    )
    projects = models.ManyToManyField(
        "work.Project", blank=True, related_name="grants", verbose_name=_("projects")
    )
    application_document = models.FileField(
        _("application"),
        upload_to="grants/%Y/",
        blank=True,
        validators=[validate_document],
    )
    decision_document = models.FileField(
        _("decision"), upload_to="grants/%Y/", blank=True, validators=[validate_document]
    )
    note = models.TextField(_("note"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = GrantQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["funder", "starts_on"]),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The period ends before it starts.")})
        if self.funder_id and self.funder_id == self.organisation_id:
            raise ValidationError({"funder": _("An organisation cannot fund itself.")})


class GrantStep(models.Model):
    """One move of a grant through the pipeline: to which status, on which date, by whom,
    and why when it went back."""

    grant = models.ForeignKey(
        Grant, on_delete=models.CASCADE, related_name="steps", verbose_name=_("grant")
    )
    status = models.CharField(_("status"), max_length=12, choices=GrantStatus.choices)
    on = models.DateField(_("date"))
    reason = models.TextField(_("reason"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("grant step")
        verbose_name_plural = _("grant steps")
        indexes = [models.Index(fields=["status", "on"])]

    def __str__(self) -> str:
        return f"{self.grant} → {self.get_status_display()} ({self.on})"


class Obligation(models.Model):
    """Something the decision obliges: a report, an evaluation, a notification."""

    grant = models.ForeignKey(
        Grant, on_delete=models.CASCADE, related_name="obligations", verbose_name=_("grant")
    )
    text = models.CharField(_("obligation"), max_length=300)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")

    def __str__(self) -> str:
        return self.text


class GrantIndicator(models.Model):
    """One of the decision's performance indicators: a plan indicator with the target the
    funder agreed for a year, which may differ from the plan's own target."""

    grant = models.ForeignKey(
        Grant, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("grant")
    )
    indicator = models.ForeignKey(
        "plans.Indicator",
        on_delete=models.PROTECT,
        related_name="grant_targets",
        verbose_name=_("indicator"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    agreed_target = models.DecimalField(_("agreed target"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["indicator__activity__programme__order", "indicator__activity__order", "id"]
        verbose_name = _("performance indicator")
        verbose_name_plural = _("performance indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["grant", "indicator", "year"], name="grant_indicator_unique_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.agreed_target}"


class Advance(models.Model):
    """An advance (voorschot) to invoice: for a period, due at its start; sent and paid."""

    grant = models.ForeignKey(
        Grant, on_delete=models.CASCADE, related_name="advances", verbose_name=_("grant")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    due_on = models.DateField(_("to invoice on"))
    amount = money_field(_("amount (€)"), validators=[MinValueValidator(0)])
    invoice_number = models.CharField(_("invoice number"), max_length=40, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "number"]
        verbose_name = _("advance")
        verbose_name_plural = _("advances")
        constraints = [
            models.UniqueConstraint(fields=["grant", "number"], name="advance_unique_number"),
            models.CheckConstraint(
                condition=models.Q(paid_on__isnull=True) | models.Q(sent_on__isnull=False),
                name="advance_paid_after_sent",
            ),
        ]
        indexes = [models.Index(fields=["due_on"])]

    def __str__(self) -> str:
        return f"{self.grant} #{self.number}"


class Direction(models.TextChoices):
    INCOME = "income", _("Income")
    COST = "cost", _("Costs")


class CostType(models.TextChoices):
    PERSONNEL = "personnel", _("Personnel (hours × cost rate)")
    MATERIAL = "material", _("Material and activities")
    HIRE = "hire", _("Hired expertise")
    OVERHEAD = "overhead", _("Overhead")
    OTHER = "other", _("Other")


class BudgetLine(models.Model):
    """Planned money for a programme in a year: income from a funder, or costs of a type.

    A range (low–high) is kept where the plan gives a bandwidth; `amount` is then the
    figure planned on, within it."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="budget_lines",
        verbose_name=_("organisation"),
    )
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.PROTECT,
        related_name="budget_lines",
        verbose_name=_("programme"),
    )
    funder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_budget_lines",
        verbose_name=_("funder"),
        help_text=_("Who pays this income, or for whom these costs are made."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    direction = models.CharField(_("income or costs"), max_length=6, choices=Direction.choices)
    cost_type = models.CharField(
        _("cost type"), max_length=12, choices=CostType.choices, blank=True
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    amount = money_field(_("amount (€)"), validators=[MinValueValidator(0)])
    amount_low = money_field(_("from (€)"), null=True, blank=True)
    amount_high = money_field(_("up to (€)"), null=True, blank=True)
    # Demo lines the seeds give no figure for: the budget page says so.
    is_example = models.BooleanField(_("example data"), default=False, editable=False)

    class Meta:
        ordering = ["year", "programme__order", "direction", "funder__name", "cost_type"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        indexes = [models.Index(fields=["organisation", "year"])]

    def __str__(self) -> str:
        return f"{self.programme} {self.year} {self.get_direction_display()}: {self.amount}"

    def clean(self) -> None:
        if self.direction == Direction.COST and not self.cost_type:
            raise ValidationError({"cost_type": _("Say what kind of costs these are.")})
        if self.direction == Direction.INCOME and not self.funder_id:
            raise ValidationError({"funder": _("Say who pays this income.")})
        low, high = self.amount_low, self.amount_high
        if (low is None) != (high is None):
            raise ValidationError(_("Give both ends of the range, or neither."))
        if low is not None and high is not None and not low <= self.amount <= high:
            raise ValidationError(
                _("The amount planned on must lie within the range %(low)s–%(high)s.")
                % {"low": low, "high": high}
            )


class Expense(models.Model):
    """Money spent besides hours: material, hired expertise, venues."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="expenses",
        verbose_name=_("organisation"),
    )
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.PROTECT,
        related_name="expenses",
        verbose_name=_("programme"),
    )
    funder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_expenses",
        verbose_name=_("charged to funder"),
    )
    date = models.DateField(_("date"))
    cost_type = models.CharField(_("cost type"), max_length=12, choices=CostType.choices)
    amount = money_field(_("amount (€)"))
    description = models.CharField(_("description"), max_length=200)
    is_example = models.BooleanField(_("example data"), default=False, editable=False)

    class Meta:
        ordering = ["-date", "id"]
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        indexes = [models.Index(fields=["organisation", "date"])]

    def __str__(self) -> str:
        return f"{self.date} {self.description}: {self.amount}"


class BudgetTable(models.Model):
    """A budget table as a document states it: rows, columns and the totals it claims.

    Kept as stated so Koers can cross-foot it: a stated total that is not the sum of its
    parts is shown with both figures, never silently corrected."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="budget_tables",
        verbose_name=_("organisation"),
        help_text=_("Whose records these are."),
    )
    funder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("funder"),
        help_text=_("The funder whose money the table plans, who may see it too."),
    )
    title = models.CharField(_("title"), max_length=200)
    source = models.CharField(_("source"), max_length=300, blank=True)
    columns = models.JSONField(_("columns"), default=list)
    has_total_column = models.BooleanField(_("has a stated total per row"), default=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("budget table")
        verbose_name_plural = _("budget tables")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "title"], name="budget_table_unique_title"
            )
        ]

    def __str__(self) -> str:
        return self.title


class BudgetTableRow(models.Model):
    """A row of a stated table. Cells are decimal strings (or null for an empty cell) in
    the order of the table's columns; a heading row has no cells."""

    table = models.ForeignKey(
        BudgetTable, on_delete=models.CASCADE, related_name="rows", verbose_name=_("table")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("label"), max_length=200)
    is_total = models.BooleanField(_("total row"), default=False)
    is_heading = models.BooleanField(_("heading"), default=False)
    cells = models.JSONField(_("cells"), default=list)
    stated_total = money_field(_("stated total"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    goal = models.ForeignKey(
        "plans.Goal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("goal"),
    )

    class Meta:
        ordering = ["table", "order", "id"]
        verbose_name = _("budget table row")
        verbose_name_plural = _("budget table rows")

    def __str__(self) -> str:
        return self.label

    @property
    def amounts(self) -> list[Decimal | None]:
        return [None if cell in (None, "") else Decimal(str(cell)) for cell in self.cells]


class FinancialYear(models.Model):
    """The organisation's financial position for a year: planned and realised result,
    reserves at year end, equity and total capital (for solvency)."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="financial_years",
        verbose_name=_("organisation"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    planned_result = money_field(_("planned result (€)"), null=True, blank=True)
    realised_result = money_field(_("realised result (€)"), null=True, blank=True)
    planned_reserve = money_field(_("planned reserve at year end (€)"), null=True, blank=True)
    realised_reserve = money_field(_("reserve at year end (€)"), null=True, blank=True)
    equity = money_field(_("equity (€)"), null=True, blank=True)
    total_capital = money_field(_("total capital (€)"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["year"]
        verbose_name = _("financial year")
        verbose_name_plural = _("financial years")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="financial_year_unique_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"

    def clean(self) -> None:
        if self.total_capital is not None and self.total_capital <= 0:
            raise ValidationError({"total_capital": _("Total capital must be above zero.")})
