"""Budgets: planned lines, expenses, stated budget tables and the financial position."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from koers.funding.managers import MoneyQuerySet
from koers.funding.models.fields import money_field


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

    objects = MoneyQuerySet.as_manager()

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

    objects = MoneyQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "id"]
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        indexes = [models.Index(fields=["organisation", "date"])]

    def __str__(self) -> str:
        return f"{date_format(self.date)} {self.description}: {self.amount}"


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

    objects = MoneyQuerySet.as_manager()

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
    # What the document's text says the row comes to, where it says so: checked against
    # the row's stated total, never put in its place.
    text_figure = money_field(_("figure in the text"), null=True, blank=True)
    text_source = models.CharField(_("where the text says so"), max_length=300, blank=True)
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
    required_equity_low = money_field(_("required equity from (€)"), null=True, blank=True)
    required_equity_high = money_field(_("required equity up to (€)"), null=True, blank=True)
    required_equity_source = models.CharField(
        _("source of the required equity"), max_length=300, blank=True
    )
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
        low, high = self.required_equity_low, self.required_equity_high
        if (low is None) != (high is None):
            raise ValidationError(_("Give both ends of the required equity, or neither."))
        if low is not None and high is not None and low > high:
            raise ValidationError(
                {"required_equity_high": _("The upper end lies below the lower end.")}
            )
