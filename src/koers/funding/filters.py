"""The GET filters of the funding pages, parsed by forms (never `int(request.GET[...])`).

django-filter fits the pipeline's funder filter: it narrows a queryset by a field. A
value that does not validate is left out of the filtering, so junk in the address shows
the unfiltered page, as it always did, instead of an error. The advances' quarter is no
queryset filter but a period to show, so it is a plain form (`forms.QuarterForm`).
"""

from __future__ import annotations

import django_filters
from django import forms

from koers.core.forms import Form
from koers.funding.models import GrantStatus

# The largest primary key the databases store (PostgreSQL's integer): a bigger number is
# no id, and answered as junk instead of overflowing in the query.
LARGEST_ID = 2**31 - 1


class IdFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class GrantFilter(django_filters.FilterSet):
    """`?financier=<organisation id>`: the grants of one funder."""

    financier = IdFilter(field_name="funder_id", min_value=0, max_value=LARGEST_ID)

    class Meta:
        form = Form


class GrantListFilter(GrantFilter):
    """The list of grants: of one funder and in one status (`?status=`)."""

    status = django_filters.ChoiceFilter(choices=GrantStatus.choices)

    class Meta:
        form = Form
