"""Tactical goals: what a programme or one of its lines should have reached by a year
(seed 001 ch. 4: Versterken van Inwoners' three goals for 2025)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.plans.models.chain import Line, Programme


class TacticalGoal(models.Model):
    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="tactical_goals",
        verbose_name=_("programme"),
    )
    line = models.ForeignKey(
        Line,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="tactical_goals",
        verbose_name=_("line"),
        help_text=_("Leave empty for a goal of the whole programme."),
    )
    text = models.TextField(_("tactical goal"))
    target_year = models.PositiveSmallIntegerField(_("to be reached in"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["programme", "order", "id"]
        verbose_name = _("tactical goal")
        verbose_name_plural = _("tactical goals")

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        if self.line is not None and self.line.programme_id != self.programme_id:
            raise ValidationError({"line": _("Choose a line of this programme.")})
