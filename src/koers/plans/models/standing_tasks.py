"""Standing tasks: work a programme or line does all the time, with no output to count
(seed 001's WEL role table: CMO as secretary, lead of the communication work group, of
the Academie WEL, organiser of meetings). Not an activity: no indicators, no progress."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.plans.models.chain import Line, Programme


class StandingTask(models.Model):
    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="standing_tasks",
        verbose_name=_("programme"),
    )
    line = models.ForeignKey(
        Line,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="standing_tasks",
        verbose_name=_("line"),
    )
    title = models.CharField(_("title"), max_length=200)
    role = models.CharField(
        _("our role"),
        max_length=200,
        help_text=_("The role the organisation plays, for example secretary or lead."),
    )
    description = models.TextField(_("tasks and responsibilities"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["programme", "order", "id"]
        verbose_name = _("standing task")
        verbose_name_plural = _("standing tasks")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.line is not None and self.line.programme_id != self.programme_id:
            raise ValidationError({"line": _("Choose a line of this programme.")})
