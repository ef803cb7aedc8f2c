"""What an initiative is about: the WEL themes (a list the organisation keeps) and the six
dimensions of Positive Health (fixed: the names only, never the questionnaire's texts)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Theme(models.Model):
    """A theme initiatives work on, with the colour its markers and nodes get on the maps.
    Seeded with WEL in Flevoland's seven themes (migration 0002)."""

    slug = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=80, unique=True)
    # A colour distinguishable for colour-blind readers (the Okabe–Ito palette in the seed).
    colour = models.CharField(_("colour"), max_length=7, default="#0072B2")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Dimension:
    """One dimension of Positive Health: its key, the initiative field that says how much
    an initiative serves it (0–2), and its name."""

    key: str
    field: str
    label: Promise
    explanation: Promise


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "body",
        "serves_body",
        _("Bodily functions"),
        _("How your body feels and works: health, sleep, food, exercise."),
    ),
    Dimension(
        "mind",
        "serves_mind",
        _("Mental well-being"),
        _("How you feel: being able to cope, to remember things, to be cheerful."),
    ),
    Dimension(
        "meaning",
        "serves_meaning",
        _("Meaningfulness"),
        _("Having a purpose: ideals, what you want to achieve, feeling useful."),
    ),
    Dimension(
        "quality",
        "serves_quality",
        _("Quality of life"),
        _("Enjoying life: feeling happy, in balance, safe in your home."),
    ),
    Dimension(
        "participation",
        "serves_participation",
        _("Participation"),
        _("Taking part: contact with other people, belonging, doing things together."),
    ),
    Dimension(
        "daily",
        "serves_daily",
        _("Daily functioning"),
        _("Managing daily life: looking after yourself, work, money, knowing your limits."),
    ),
)
DIMENSION_BY_KEY = {dimension.key: dimension for dimension in DIMENSIONS}

# How much an initiative serves a dimension: 0 not, 1 somewhat, 2 mainly.
SERVES_MAX = 2
