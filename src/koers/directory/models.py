from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData

# The years an organisation may set for keeping the persons nothing links to any more: at
# least one (a year's programme links them), at most ten (a bound against a typing error;
# the law sets no number, the purpose does).
PERSON_RETENTION_RANGE = (1, 10)


class OrganisationKind(models.TextChoices):
    OWN = "own", _("Executing organisation")
    PROVINCE = "province", _("Province")
    MUNICIPALITY = "municipality", _("Municipality")
    FUNDER = "funder", _("Funder")
    CARE = "care", _("Care or welfare organisation")
    EDUCATION = "education", _("School or educational institution")
    RESIDENTS = "residents", _("Residents' or patients' organisation")
    PARTNER = "partner", _("Other partner")


class Tag(models.Model):
    """A free label for organisations (a network, a sector, a theme) to find them by."""

    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """Any organisation Koers knows: the executing one, funders, municipalities, partners."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organisation"),
    )
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    sector = models.CharField(
        _("sector"), max_length=100, blank=True, help_text=_("For example: care, welfare, sport.")
    )
    tags = models.ManyToManyField(
        Tag, blank=True, related_name="organisations", verbose_name=_("tags")
    )
    # An organisation that holds persons is the controller of their data (docs/tenancy.md):
    # it sets how long it keeps them, on its privacy page (`privacy:retention`), not here.
    person_retention_years = models.PositiveSmallIntegerField(
        _("retention of persons (years)"),
        null=True,
        blank=True,
        editable=False,
        validators=[
            MinValueValidator(PERSON_RETENTION_RANGE[0]),
            MaxValueValidator(PERSON_RETENTION_RANGE[1]),
        ],
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self) -> str:
        return self.short_name or self.name


# What a person's record holds that a user fills in: the form, the audit entries of her
# changes, an import and the privacy export all use this one list.
PERSON_FIELDS = [
    "first_name",
    "infix",
    "last_name",
    "email",
    "phone",
    "notes",
    "purpose",
    "lawful_basis",
    "consent_given_on",
]


class Person(models.Model):
    """A contact person: someone at a partner, a funder or a municipality.

    Held by one organisation (`holder`), whose staff see the record and nobody else.
    Every person carries the purpose and lawful basis for holding her data; with consent
    as the basis, the date it was given. Reads are logged (`koers.privacy.access_log`).
    """

    personal_data = PersonalData(
        subjects=_("contact persons"),
        fields=(
            "first_name",
            "infix",
            "last_name",
            "email",
            "phone",
            "notes",
            "consent_given_on",
        ),
        purpose=_(
            "Keeping in touch with partners, funders and municipalities for the "
            "programmes of the organisation; the purpose of each person is recorded with her."
        ),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_(
            "Removed automatically when nothing has linked to the person for the holding "
            "organisation's term: the years its privacy officer set, or else the "
            "installation's (KOERS_PERSON_RETENTION_YEARS, default 2)."
        ),
        recipients=_("Staff of the holding organisation; never funders' officials."),
    )

    holder = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="held_persons",
        verbose_name=_("held by"),
    )
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    infix = models.CharField(_("infix"), max_length=30, blank=True, help_text=_("van, de, …"))
    last_name = models.CharField(_("last name"), max_length=150)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    notes = models.TextField(
        _("notes"),
        blank=True,
        help_text=_("Work-related only. Never health or other special categories of data."),
    )
    purpose = models.CharField(
        _("purpose"),
        max_length=300,
        help_text=_("Why the organisation holds this person's data, in one sentence."),
    )
    lawful_basis = models.CharField(
        _("lawful basis"),
        max_length=30,
        choices=LawfulBasis.choices,
        default=LawfulBasis.LEGITIMATE_INTERESTS,
    )
    consent_given_on = models.DateField(
        _("consent given on"),
        null=True,
        blank=True,
        help_text=_("Required when consent is the lawful basis."),
    )
    is_example = models.BooleanField(
        _("example data"),
        default=False,
        editable=False,
        help_text=_("Made up for the demo; no real person has these data."),
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [
            models.Index(fields=["holder", "last_name"]),
            models.Index(fields=["holder", "email"]),
        ]

    def __str__(self) -> str:
        return " ".join(part for part in (self.first_name, self.infix, self.last_name) if part)

    def clean(self) -> None:
        if self.lawful_basis == LawfulBasis.CONSENT and self.consent_given_on is None:
            raise ValidationError(
                {"consent_given_on": _("Consent is the lawful basis: enter when it was given.")}
            )


class Position(models.Model):
    """A person's position at an organisation, over time."""

    personal_data = PersonalData(
        subjects=_("contact persons"),
        fields=("title", "started_on", "ended_on"),
        purpose=_("Knowing whom to contact at which organisation, and since when."),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("Removed with the person."),
    )

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="positions", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="positions",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("position"), max_length=150, blank=True)
    started_on = models.DateField(_("from"), null=True, blank=True)
    ended_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["-started_on", "id"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self) -> str:
        return f"{self.title or _('position')} — {self.organisation}"

    def clean(self) -> None:
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("The end lies before the start.")})


# What a search for a person or an organisation looks in: the fields their labels show
# (core.choices; the search endpoints and the searchable fields of every form).
PERSON_SEARCH_FIELDS = ("first_name", "infix", "last_name")
ORGANISATION_SEARCH_FIELDS = ("name", "short_name")
