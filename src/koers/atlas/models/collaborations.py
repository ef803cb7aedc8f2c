"""Collaborations: typed, dated ties between initiatives or organisations, the raw material
of the network analysis. A tie Koers can read from its own records (organisations that
organised an event together, members of one network) is proposed as derived, marked with
where it came from (`derivation`), and never stored twice."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.atlas.managers import HeldByAtlasQuerySet
from koers.core.versioning import VersionedModel


class TieKind(models.TextChoices):
    COLLABORATION = "samenwerking", _("Collaboration")
    REFERRAL = "doorverwijzing", _("Referral")
    SHARED_ACTIVITY = "gedeelde_activiteit", _("Shared activity")
    FUNDING = "financiering", _("Funding")


class TieSource(models.TextChoices):
    CONVERSATION = "gesprek", _("Conversation")
    SURVEY = "enquete", _("Survey")
    EVENT = "bijeenkomst", _("Event")
    CONTACT_RECORD = "contactmoment", _("Contact record")
    NETWORK = "netwerk", _("Network membership")
    OTHER = "anders", _("Other")


class CollaborationQuerySet(HeldByAtlasQuerySet["Collaboration"]):
    def active_in(self, year: int) -> CollaborationQuerySet:
        """Ties that ran at some time in `year`."""
        return self.filter(started_on__lte=dt.date(year, 12, 31)).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=dt.date(year, 1, 1))
        )

    def not_internal(self) -> CollaborationQuerySet:
        return self.filter(is_internal=False)


class Collaboration(VersionedModel):
    """A tie from one party to another. Each end is an initiative of the atlas or an
    organisation of the directory (exactly one of the two); the analysis reads ties as
    undirected, a referral or a grant keeps its direction on the page."""

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="atlas_collaborations",
        verbose_name=_("kept by"),
    )
    from_initiative = models.ForeignKey(
        "atlas.Initiative",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="ties_out",
        verbose_name=_("from initiative"),
    )
    from_organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="atlas_ties_out",
        verbose_name=_("from organisation"),
    )
    to_initiative = models.ForeignKey(
        "atlas.Initiative",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="ties_in",
        verbose_name=_("to initiative"),
    )
    to_organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="atlas_ties_in",
        verbose_name=_("to organisation"),
    )
    kind = models.CharField(_("kind"), max_length=24, choices=TieKind.choices)
    theme = models.ForeignKey(
        "atlas.Theme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="collaborations",
        verbose_name=_("theme"),
    )
    started_on = models.DateField(_("since"))
    ended_on = models.DateField(_("until"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=16, choices=TieSource.choices)
    source_note = models.CharField(
        _("about the source"),
        max_length=300,
        blank=True,
        help_text=_("Which conversation, survey or meeting showed the tie."),
    )
    # "event:12", "network:3": the record a derived tie was read from; empty when entered.
    derivation = models.CharField(_("derived from"), max_length=60, blank=True)
    is_internal = models.BooleanField(
        _("internal"), default=False, help_text=_("Never shown on the public atlas.")
    )
    is_example = models.BooleanField(_("example data"), default=False, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CollaborationQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "pk"]
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")
        constraints = [
            models.CheckConstraint(
                condition=Q(from_initiative__isnull=True, from_organisation__isnull=False)
                | Q(from_initiative__isnull=False, from_organisation__isnull=True),
                name="atlas_tie_one_from",
            ),
            models.CheckConstraint(
                condition=Q(to_initiative__isnull=True, to_organisation__isnull=False)
                | Q(to_initiative__isnull=False, to_organisation__isnull=True),
                name="atlas_tie_one_to",
            ),
            models.CheckConstraint(
                condition=~Q(from_initiative=models.F("to_initiative"))
                & ~Q(from_organisation=models.F("to_organisation")),
                name="atlas_tie_not_to_itself",
            ),
            models.UniqueConstraint(
                fields=[
                    "holder",
                    "derivation",
                    "from_initiative",
                    "from_organisation",
                    "to_initiative",
                    "to_organisation",
                ],
                condition=~Q(derivation=""),
                name="atlas_derived_tie_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_party} – {self.to_party}"

    def get_absolute_url(self) -> str:
        return reverse("atlas:collaboration", args=[self.pk])

    @property
    def from_party(self) -> object:
        return self.from_initiative or self.from_organisation

    @property
    def to_party(self) -> object:
        return self.to_initiative or self.to_organisation

    @property
    def is_derived(self) -> bool:
        return bool(self.derivation)
