"""The base of every form in Koers: text fields that refuse what cannot be stored.

A NUL makes PostgreSQL refuse the whole statement (a 500 there, while SQLite stores it);
other control characters are stored but make the Word and Excel documents made from the
text fail later. Text longer than its column fails on PostgreSQL and was cut short where a
view sliced it. So every text field of every form refuses these at input, with a message
that says which character and where, or the limit and how much was given.

Koers's forms subclass `Form` or `ModelForm`; forms of Django itself (sign-in, password
reset, the admin's) get the same through `with_text_guard`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core import validators
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from koers.core.text import first_unstorable
from koers.core.uploads import SPREADSHEET_EXTENSIONS, validate_spreadsheet

_M = TypeVar("_M", bound=Model)
_F = TypeVar("_F", bound=forms.BaseForm)


class DateInput(forms.DateInput):
    """The browser's own date picker, with the value in the ISO form it expects."""

    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def refuse_unstorable(value: Any) -> None:
    """Refuse text with a character that cannot be stored, naming it and where it is."""
    found = first_unstorable(str(value))
    if found is not None:
        position, character = found
        raise ValidationError(
            _(
                "This field contains a character that cannot be stored (%(character)s, at "
                "position %(position)s). Remove it; such a character often comes along when "
                "text is pasted from another program."
            ),
            code="unstorable",
            params={"character": character, "position": position},
        )


class TextLimit(validators.MaxLengthValidator):
    """Django's maximum length, with a message that gives the limit and the length given
    as the reader writes numbers (100.000 in Dutch)."""

    def __call__(self, value: Any) -> None:
        length = len(value)
        if length > self.limit_value:
            raise ValidationError(
                ngettext(
                    "At most %(limit)s character; you gave %(count)s. Shorten the text.",
                    "At most %(limit)s characters; you gave %(count)s. Shorten the text.",
                    self.limit_value,
                )
                % {
                    "limit": number_format(self.limit_value, force_grouping=True),
                    "count": number_format(length, force_grouping=True),
                },
                code="max_length",
            )


def guard_text(field: forms.Field) -> None:
    """Make a text field refuse unstorable characters and text over its limit. Passwords
    are never stored as typed (only their hash), so they keep Django's own checks."""
    if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.PasswordInput):
        return
    if getattr(field, "koers_text_guarded", False):
        return
    replaced = (validators.ProhibitNullCharactersValidator, validators.MaxLengthValidator)
    kept = [v for v in field.validators if not isinstance(v, replaced)]
    if field.max_length is not None:
        kept.append(TextLimit(int(field.max_length)))
    field.validators = [*kept, refuse_unstorable]
    field.koers_text_guarded = True  # type: ignore[attr-defined]


class TextGuard:
    """Mixed into a form: every text field is guarded before the form is cleaned (fields
    a form adds or replaces in its own __init__ included)."""

    fields: dict[str, forms.Field]

    def full_clean(self) -> None:
        for field in self.fields.values():
            guard_text(field)
        super().full_clean()  # type: ignore[misc]


class LabelSortedChoices(forms.models.ModelChoiceIterator):
    """A model choice field's options in the order of their labels, case-insensitively;
    the empty choice stays first."""

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        options = [self.choice(obj) for obj in self.queryset]
        yield from sorted(options, key=lambda option: str(option[1]).casefold())


def sort_choices_by_label(form: forms.BaseForm) -> None:
    """Make every model choice field of `form` list its options by label."""
    for form_field in form.fields.values():
        if isinstance(form_field, forms.ModelChoiceField) and form_field.iterator is (
            forms.models.ModelChoiceIterator
        ):
            form_field.iterator = LabelSortedChoices
            form_field.widget.choices = form_field.choices


class SortedChoices:
    """Mixed into a form: its model choices are listed by label (a queryset the form sets
    later in its own __init__ keeps the order, as the field keeps the iterator)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sort_choices_by_label(self)  # type: ignore[arg-type]


class RemembersWhatSheSaw:
    """Mixed into a form: a form that edits a versioned record (it has a `version` field)
    posts back, beside each field she can change, the value she saw
    (`show_hidden_initial`). After someone else saved in between, what she did not change
    then shows their value instead of the old one, so saving again cannot write her stale
    copy over their work (`koers.core.versioning.keep_her_input`)."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "version" not in self.fields:
            return
        for name, field in self.fields.items():
            if name != "version" and remembers_what_she_saw(field):
                field.show_hidden_initial = True


def remembers_what_she_saw(field: forms.Field) -> bool:
    """Whether `field` can post back the value she saw: not for files (a browser never
    posts a file back) nor for hidden or disabled fields (she cannot change them)."""
    return not (field.widget.is_hidden or field.disabled or isinstance(field, forms.FileField))


class Form(TextGuard, SortedChoices, RemembersWhatSheSaw, forms.Form):
    """A form whose text fields refuse what cannot be stored, whose model choices are
    listed by label, and which remembers what she saw when it edits a versioned record."""


class ModelForm(TextGuard, SortedChoices, RemembersWhatSheSaw, forms.ModelForm[_M]):
    """A model form whose text fields refuse what cannot be stored, whose model choices
    are listed by label, and which remembers what she saw when it edits a versioned
    record."""


def with_text_guard(form_class: type[_F]) -> type[_F]:
    """`form_class` (Django's own, or one the admin builds) with its text fields guarded."""
    if issubclass(form_class, TextGuard):
        return form_class
    return type(form_class.__name__, (TextGuard, form_class), {"__module__": form_class.__module__})


def formset_with_text_guard(formset_class: type[Any]) -> type[Any]:
    """`formset_class` whose forms have their text fields guarded."""
    if issubclass(formset_class.form, TextGuard):
        return formset_class
    form = with_text_guard(formset_class.form)
    return type(formset_class.__name__, (formset_class,), {"form": form})


SEARCH_LENGTH = 100  # longer than any name searched for; SQLite refuses very long patterns


class SearchForm(Form):
    """A search box on a list page (GET): the text searched for, refused like any text
    field when it holds what cannot be stored or is longer than a search needs."""

    def __init__(self, data: Any, *, field: str = "q") -> None:
        super().__init__(data)
        self.field = field
        self.fields[field] = forms.CharField(
            label=_("Search"), required=False, max_length=SEARCH_LENGTH
        )


def search_text(request: HttpRequest, field: str = "q") -> str:
    """The text searched for in `field` of the query string, or "" when it was refused;
    the reason is shown as a message, the list as if nothing was searched."""
    form = SearchForm(request.GET, field=field)
    if form.is_valid():
        return str(form.cleaned_data[field])
    for problem in form.errors.get(field, []):
        messages.error(request, f"{form.fields[field].label}: {problem}")
    return ""


class ImportFileForm(Form):
    """The file of an import (`koers.core.imports`): a table, checked as it is uploaded."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV or Excel (.xlsx); the first row names the columns."),
        validators=[validate_spreadsheet],
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SPREADSHEET_EXTENSIONS)}),
    )
