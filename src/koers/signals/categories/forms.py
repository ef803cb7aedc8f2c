"""The form of a category: its name, its place in the tree (a main category, or under
one), a description, its position among its siblings and whether it is still in use."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form
from koers.signals.models import Category

MAX_POSITION = 999


class CategoryForm(Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    parent = forms.ModelChoiceField(
        label=_("Place in the tree"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=_("A main category"),
        help_text=_("Leave it a main category, or put it under one as a sub-category."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=300,
        required=False,
        help_text=_("What belongs here, so colleagues choose the same category."),
    )
    position = forms.IntegerField(
        label=_("Position"),
        min_value=0,
        max_value=MAX_POSITION,
        initial=0,
        help_text=_("Lower numbers come first among its siblings."),
    )
    active = forms.BooleanField(
        label=_("In use"),
        required=False,
        initial=True,
        help_text=_(
            "A category no longer in use is not offered for new signals; the signals it "
            "holds keep it."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args: Any, holder_id: int, editing: Category | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        mains = Category.objects.filter(holder_id=holder_id, parent__isnull=True, active=True)
        if editing is not None:
            mains = mains.exclude(pk=editing.pk)
            if editing.parent_id is not None:  # her main category stays a choice, used or not
                mains = mains | Category.objects.filter(pk=editing.parent_id)
        parent: Any = self.fields["parent"]
        parent.queryset = mains.order_by("position", "name")
        if editing is None:
            del self.fields["active"]
