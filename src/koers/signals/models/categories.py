"""The category tree an organisation keeps for its signals: main categories and, under each,
sub-categories. Two levels, as the classifier suggests a main category first and a
sub-category only when it is sure enough."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from koers.core.versioning import VersionedModel
from koers.signals.managers import HeldQuerySet


class Category(VersionedModel):
    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="signal_categories",
        verbose_name=_("kept by"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("main category"),
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("description"), max_length=300, blank=True)
    # A category no longer offered for new signals; the signals it holds keep it.
    active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = HeldQuerySet["Category"].as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("signal category")
        verbose_name_plural = _("signal categories")
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "parent", "name"], name="signals_category_unique_name"
            ),
            models.UniqueConstraint(
                fields=["holder", "name"],
                condition=Q(parent__isnull=True),
                name="signals_category_unique_main_name",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name  # type: ignore[union-attr]

    @property
    def main(self) -> Category:
        """The main category: itself, or its parent."""
        return self.parent if self.parent_id else self  # type: ignore[return-value]
