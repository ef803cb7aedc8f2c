"""Initiatives: local initiatives, volunteer and civil-society organisations and informal
networks, with what they work on, where, and how recently someone confirmed it."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.atlas.managers import HeldByAtlasQuerySet
from koers.atlas.models.themes import DIMENSIONS, SERVES_MAX
from koers.core.privacy import LawfulBasis, PersonalData
from koers.core.versioning import VersionedModel


class InitiativeKind(models.TextChoices):
    RESIDENTS = "bewonersinitiatief", _("Residents' initiative")
    VOLUNTEERS = "vrijwilligersorganisatie", _("Volunteer organisation")
    CIVIL_SOCIETY = "maatschappelijke_organisatie", _("Civil-society organisation")
    INFORMAL_NETWORK = "informeel_netwerk", _("Informal network")
    CARE_WELFARE = "zorg_welzijn", _("Care or welfare provider")
    OTHER = "overig", _("Other")


def _serves_field(label: object) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label,  # type: ignore[arg-type]
        default=0,
        validators=[MaxValueValidator(SERVES_MAX)],
        help_text=_("0: not, 1: somewhat, 2: mainly."),
    )


class InitiativeQuerySet(HeldByAtlasQuerySet["Initiative"]):
    def stale_on(self, day: dt.date) -> InitiativeQuerySet:
        """Entries nobody confirmed within the configured months before `day`."""
        return self.filter(confirmed_on__lt=stale_before(day))

    def public(self) -> InitiativeQuerySet:
        return self.filter(is_public=True)


def stale_before(day: dt.date) -> dt.date:
    """Confirmed before this date, an entry is stale (KOERS_ATLAS_STALE_MONTHS, default 12)."""
    months = day.year * 12 + day.month - 1 - settings.ATLAS_STALE_MONTHS
    year, month = divmod(months, 12)
    # The same day of that month, or its last day (31 March less one month: 28/29 February).
    for last_day in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


class Initiative(VersionedModel):
    """One entry of the atlas. When the initiative is an organisation in the directory it
    links to it (`organisation`, at most one entry per organisation and atlas) rather than
    copying it; its contact is a directory person, who carries her own purpose."""

    personal_data = PersonalData(
        subjects=_("contact persons of initiatives"),
        fields=("contact",),
        purpose=_(
            "Keeping the atlas current: asking the initiative's contact person to confirm or "
            "update its entry, and knowing whom to call about it."
        ),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_(
            "As long as she is the initiative's contact; the person herself follows the "
            "directory's retention, counted from the entry's last confirmation."
        ),
        recipients=_("Staff of the organisation keeping the atlas; never funders or the public."),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="atlas_initiatives",
        verbose_name=_("kept by"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=InitiativeKind.choices)
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(
        "atlas.Theme", blank=True, related_name="initiatives", verbose_name=_("themes")
    )
    serves_body = _serves_field(DIMENSIONS[0].label)
    serves_mind = _serves_field(DIMENSIONS[1].label)
    serves_meaning = _serves_field(DIMENSIONS[2].label)
    serves_quality = _serves_field(DIMENSIONS[3].label)
    serves_participation = _serves_field(DIMENSIONS[4].label)
    serves_daily = _serves_field(DIMENSIONS[5].label)
    target_groups = models.CharField(
        _("target groups"),
        max_length=300,
        blank=True,
        help_text=_("For example: older residents, young carers, newcomers."),
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        related_name="atlas_initiatives",
        verbose_name=_("municipality"),
    )
    # A point in WGS84, five decimals (about a metre); both or neither (constraint below).
    latitude = models.DecimalField(
        _("latitude"), max_digits=7, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=7, decimal_places=5, null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="atlas_entries",
        verbose_name=_("organisation in the directory"),
        help_text=_("When the initiative is an organisation in the directory."),
    )
    contact = models.ForeignKey(
        "directory.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="atlas_initiatives",
        verbose_name=_("contact person"),
    )
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Shown on the public atlas (without persons).")
    )
    confirmed_on = models.DateField(_("last confirmed"), db_index=True)
    is_example = models.BooleanField(_("example data"), default=False, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="atlas_one_initiative_per_organisation",
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="atlas_initiative_point_whole",
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{d.field}__lte": SERVES_MAX}),
                    name=f"atlas_initiative_{d.field}_range",
                )
                for d in DIMENSIONS
            ),
        ]
        indexes = [models.Index(fields=["holder", "municipality"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("atlas:initiative", args=[self.pk])

    def serves(self) -> dict[str, int]:
        """{dimension key: 0–2}."""
        return {d.key: getattr(self, d.field) for d in DIMENSIONS}

    def is_stale_on(self, day: dt.date) -> bool:
        return self.confirmed_on < stale_before(day)
