from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput, Form
from koers.directory.models import PERSON_RETENTION_RANGE, Organisation
from koers.privacy.models import AccessAction


class ReasonForm(Form):
    """Why she takes this act; kept on the access record (AccessRecord.reason)."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_(
            "For example: request of the person of 3 May, or: investigation of a complaint. "
            "Kept in the access log with this act."
        ),
        error_messages={
            "required": _("Say why you need this; the reason is kept in the access log.")
        },
    )


# The largest person number the databases store (PostgreSQL's integer): a bigger one is
# refused by the form instead of overflowing in the query.
LARGEST_ID = 2**31 - 1


class LogFilter(Form):
    """The filters of the audit trail and the access log (`?q=…&person=…&since=…`). A value
    that does not validate is shown with its reason next to the field and left out."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    user = forms.CharField(label=_("User name"), required=False, max_length=150)
    person = forms.IntegerField(
        label=_("Person number"), required=False, min_value=1, max_value=LARGEST_ID
    )
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", "—"), *AccessAction.choices]
    )
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("Until"), required=False, widget=DateInput())


class RetentionForm(Form):
    """How long one of her organisations keeps the persons nothing links to any more."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    years = forms.IntegerField(
        label=_("Years"),
        required=False,
        min_value=PERSON_RETENTION_RANGE[0],
        max_value=PERSON_RETENTION_RANGE[1],
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["years"].help_text = _(
            "After how many years without any link a person is erased automatically. Leave "
            "empty to follow the installation's term of %(years)s years."
        ) % {"years": settings.PERSON_RETENTION_YEARS}
