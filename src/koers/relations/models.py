"""Relations as records that feed the results chain: events with their participants, and
communication items. Both hang off a programme (and optionally an activity), so the
programme's indicators can count them (`koers.relations.measures`)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData


class Event(models.Model):
    """A meeting the organisation held or co-organised: a thematic network meeting, a
    symposium, a regional event."""

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("organisation"),
    )
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("programme"),
    )
    activity = models.ForeignKey(
        "plans.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("activity"),
    )
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(
        _("theme"), max_length=100, blank=True, help_text=_("For example: sport, loneliness.")
    )
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("municipality"),
    )
    co_organisers = models.ManyToManyField(
        "directory.Organisation",
        blank=True,
        related_name="co_organised_events",
        verbose_name=_("co-organising organisations"),
    )
    evaluation = models.DecimalField(
        _("evaluation score (1–10)"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    note = models.TextField(_("note"), blank=True)
    is_example = models.BooleanField(_("example data"), default=False, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["programme", "date"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d-%m-%Y})"


class Participant(models.Model):
    """Someone registered for an event: a person (with her organisation), or an
    organisation without a named person. When a person is erased, her participation stays
    as an anonymous one, so counts do not change."""

    personal_data = PersonalData(
        subjects=_("contact persons"),
        fields=("person",),
        purpose=_(
            "Registrations and attendance lists of meetings, and counting which "
            "organisations take part in a programme."
        ),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("With the person; erasing her leaves an anonymous attendance."),
    )

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="participants", verbose_name=_("event")
    )
    person = models.ForeignKey(
        "directory.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("organisation"),
    )
    attended = models.BooleanField(_("attended"), null=True, default=None)

    class Meta:
        ordering = ["event", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=models.Q(person__isnull=False),
                name="participant_once_per_event",
            )
        ]

    def __str__(self) -> str:
        return str(self.person or self.organisation or _("anonymous"))


class Channel(models.TextChoices):
    NEWSLETTER = "newsletter", _("Newsletter")
    WEBSITE = "website", _("Website")
    SOCIAL = "social", _("Social media")
    PRESS = "press", _("Press")
    OTHER = "other", _("Other")


class CommunicationItem(models.Model):
    """Something published: a newsletter article, a web post, a press release."""

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="communication_items",
        verbose_name=_("organisation"),
    )
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.PROTECT,
        related_name="communication_items",
        verbose_name=_("programme"),
    )
    activity = models.ForeignKey(
        "plans.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="communication_items",
        verbose_name=_("activity"),
    )
    date = models.DateField(_("date"))
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=100, blank=True)
    link = models.URLField(_("link"), blank=True)
    is_example = models.BooleanField(_("example data"), default=False, editable=False)

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("communication item")
        verbose_name_plural = _("communication items")
        indexes = [models.Index(fields=["programme", "date"])]

    def __str__(self) -> str:
        return self.title


class InteractionKind(models.TextChoices):
    CONVERSATION = "gesprek", _("Conversation")
    PHONE = "telefoon", _("Phone call")
    EMAIL = "e-mail", _("E-mail")
    MEETING = "overleg", _("Meeting")


class Interaction(models.Model):
    """A contact with organisations and persons: who, when, about what, for which work."""

    personal_data = PersonalData(
        subjects=_("contact persons; staff"),
        fields=("persons", "staff", "summary"),
        purpose=_(
            "Keeping track of conversations with partners and funders, so colleagues can "
            "follow up and the network's knowledge is not lost."
        ),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_(
            "With the persons named; erasing a person removes her from the contact (the "
            "summary is written about organisations, not about her)."
        ),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="interactions",
        verbose_name=_("organisation"),
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=10, choices=InteractionKind.choices)
    subject = models.CharField(_("subject"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    organisations = models.ManyToManyField(
        "directory.Organisation",
        blank=True,
        related_name="interactions_with",
        verbose_name=_("organisations"),
    )
    persons = models.ManyToManyField(
        "directory.Person", blank=True, related_name="interactions", verbose_name=_("persons")
    )
    staff = models.ManyToManyField(
        "accounts.User", blank=True, related_name="interactions", verbose_name=_("staff present")
    )
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interactions",
        verbose_name=_("programme"),
    )
    activity = models.ForeignKey(
        "plans.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interactions",
        verbose_name=_("activity"),
    )
    network = models.ForeignKey(
        "relations.Network",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("network meeting of"),
    )
    created_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    is_example = models.BooleanField(_("example data"), default=False, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        indexes = [models.Index(fields=["holder", "date"])]

    def __str__(self) -> str:
        return f"{self.subject} ({self.date:%d-%m-%Y})"


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Action(models.Model):
    """A follow-up: what, by whom, by when; usually from a contact."""

    personal_data = PersonalData(
        subjects=_("staff"),
        fields=("owner",),
        purpose=_("Knowing who follows up what, and reminding her."),
        lawful_basis=LawfulBasis.CONTRACT,
        retention=_("As long as the contact it follows up."),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("organisation"),
    )
    interaction = models.ForeignKey(
        Interaction,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("contact"),
    )
    title = models.CharField(_("action"), max_length=200)
    owner = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("set by")
    )

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        indexes = [models.Index(fields=["owner", "status", "due_on"])]

    def __str__(self) -> str:
        return self.title


class CalendarFeed(models.Model):
    """A user's secret address for her calendar of actions and events. Knowing the address
    is the permission (calendar programs cannot sign in), so it is long, random, stored
    only as a hash, and replaced when she asks."""

    user = models.OneToOneField(
        "accounts.User", on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)


class NetworkKind(models.TextChoices):
    REGIONAL_TABLE = "regional", _("Regional table")
    PLATFORM = "platform", _("Platform")
    WORKING_GROUP = "working_group", _("Working group")
    NATIONAL = "national", _("National network")


class NetworkRole(models.TextChoices):
    LEAD = "trekker", _("Lead (trekker)")
    SECRETARY = "secretaris", _("Secretary")
    FACILITATOR = "procesbegeleider", _("Process facilitator")
    MEMBER = "deelnemer", _("Participant")


class Network(models.Model):
    """A network the organisation takes part in, its role there, and who represents it."""

    personal_data = PersonalData(
        subjects=_("staff"),
        fields=("representatives",),
        purpose=_("Knowing who represents the organisation in which network."),
        lawful_basis=LawfulBasis.CONTRACT,
        retention=_("As long as the network is kept."),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="networks",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=NetworkKind.choices)
    role = models.CharField(_("our role"), max_length=20, choices=NetworkRole.choices)
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="networks",
        verbose_name=_("programme"),
    )
    representatives = models.ManyToManyField(
        "accounts.User", blank=True, related_name="networks", verbose_name=_("represented by")
    )
    purpose = models.TextField(_("purpose"), blank=True)
    joined_on = models.DateField(_("member since"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    is_example = models.BooleanField(_("example data"), default=False, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name

    def evidence_text(self) -> str:
        """The network as evidence in a report to a funder: its name, not who represents us."""
        return self.name


class NetworkValue(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class NetworkReview(models.Model):
    """The yearly weighing of a network: what it is worth to the work, and whether to stay."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("network")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.CharField(_("value"), max_length=8, choices=NetworkValue.choices)
    keep = models.BooleanField(_("stay in the network"))
    reason = models.TextField(_("why"))
    reviewed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    reviewed_on = models.DateField(_("on"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("network review")
        verbose_name_plural = _("network reviews")
        constraints = [
            models.UniqueConstraint(fields=["network", "year"], name="network_review_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.network} {self.year}"


class EmployerMembership(models.Model):
    """An employer that is a member of the organisation's employers' association (for CMO:
    Zowelwerk), from a date and possibly until one."""

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="member_employers",
        verbose_name=_("organisation"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="employer_memberships",
        verbose_name=_("member employer"),
    )
    started_on = models.DateField(_("member since"))
    ended_on = models.DateField(_("member until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["organisation__name", "-started_on"]
        verbose_name = _("member employer")
        verbose_name_plural = _("member employers")
        indexes = [models.Index(fields=["holder", "started_on"])]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.started_on:%Y})"


class OpportunityStatus(models.TextChoices):
    OPPORTUNITY = "kans", _("Opportunity")
    QUOTED = "offerte", _("Quote sent")
    WON = "gegund", _("Won")
    LOST = "verloren", _("Lost")


class VatRate(models.IntegerChoices):
    EXEMPT = 0, _("0% (exempt)")
    LOW = 9, _("9%")
    STANDARD = 21, _("21%")


class Opportunity(models.Model):
    """Work the organisation could do for a client (a municipality, a fund, a partner): an
    opportunity, then a quote with its hours and amount, then won (it becomes a project)
    or lost (with the reason)."""

    personal_data = PersonalData(
        subjects=_("contact persons; staff"),
        fields=("contact", "owner"),
        purpose=_("Knowing whom the quote was made for, and who follows it up."),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("With the person; erasing her takes her off the opportunity."),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="opportunities",
        verbose_name=_("organisation"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="opportunities_as_client",
        verbose_name=_("client"),
    )
    contact = models.ForeignKey(
        "directory.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("contact person"),
    )
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("programme"),
    )
    title = models.CharField(_("subject"), max_length=200)
    description = models.TextField(
        _("what we offer"), blank=True, help_text=_("The text of the quote: approach, results.")
    )
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2, null=True, blank=True)
    programme_hours = models.DecimalField(
        _("of which paid by the programme"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Co-financing: at most half of the hours when the client is a partner."),
    )
    amount = models.DecimalField(
        _("amount excl. VAT (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    vat_rate = models.PositiveSmallIntegerField(
        _("VAT rate"), choices=VatRate.choices, default=VatRate.STANDARD
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OpportunityStatus.choices,
        default=OpportunityStatus.OPPORTUNITY,
    )
    owner = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="opportunities",
        verbose_name=_("owner"),
    )
    expected_on = models.DateField(_("decision expected"), null=True, blank=True)
    starts_on = models.DateField(_("work starts"), null=True, blank=True)
    ends_on = models.DateField(_("work ends"), null=True, blank=True)
    current_quote = models.OneToOneField(
        "relations.Quote",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("quote"),
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    lost_reason = models.TextField(_("why lost"), blank=True)
    project = models.ForeignKey(
        "work.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("project"),
    )
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    created_on = models.DateField(_("recorded on"))
    is_example = models.BooleanField(_("example data"), default=False, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-created_on", "-id"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        indexes = [models.Index(fields=["holder", "status", "expected_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in (OpportunityStatus.OPPORTUNITY, OpportunityStatus.QUOTED)


class Quote(models.Model):
    """A quote as sent: its number, dates, figures and the Word document the client
    received. Never changed afterwards; revising means withdrawing it and sending a new
    quote with a new number, so a number is never used twice."""

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="quotes", verbose_name=_("opportunity")
    )
    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    number = models.CharField(_("quote number"), max_length=20)
    sent_on = models.DateField(_("sent on"))
    valid_until = models.DateField(_("valid until"))
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2)
    amount = models.DecimalField(_("amount excl. VAT (€)"), max_digits=12, decimal_places=2)
    vat_rate = models.PositiveSmallIntegerField(_("VAT rate"), choices=VatRate.choices)
    document = models.FileField(_("document as sent"), upload_to="quotes/%Y/", max_length=300)
    sent_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("sent by")
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("why withdrawn"), blank=True)

    class Meta:
        ordering = ["-sent_on", "-id"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [
            models.UniqueConstraint(fields=["holder", "number"], name="quote_number_once")
        ]

    def __str__(self) -> str:
        return self.number


class QuoteTemplate(models.Model):
    """An organisation's own Word template for quotes (its letterhead and terms), with
    placeholders such as {offertenummer} that Koers fills in. Without one, Koers uses its
    standard template, which can be downloaded as a starting point."""

    holder = models.OneToOneField(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="quote_template",
        verbose_name=_("organisation"),
    )
    document = models.FileField(_("Word template (.docx)"), upload_to="templates/", max_length=300)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now=True)

    class Meta:
        verbose_name = _("quote template")
        verbose_name_plural = _("quote templates")

    def __str__(self) -> str:
        return str(self.holder)
