"""Optimistic locking for records edited through forms, from the model to the page.

A versioned record (`VersionedModel`) carries a `version` that every save through a
service raises by one. Its form carries the version it was opened with as a hidden
field; the service calls `lock_for_edit` with it inside its transaction and gets
`ConflictError` (holding the record as it is now) when someone saved in between,
instead of silently overwriting their change.

A page that edits such a record is one call to `versioned_edit`::

    form = NetworkForm(request.POST or None, initial=initial, holder_id=holder_id)
    return versioned_edit(
        request,
        form,
        lambda cleaned: services.network_save(..., expected_version=cleaned["version"]),
        success=_("The network has been saved."),
        shown=("name", "role"),
        next_url=lambda network: reverse("relations:network", args=[network.pk]),
        heading=..., back_url=...,  # the rest is the template's context
    )

`save` gets the form's cleaned data and returns the saved record (so an add page can
redirect to what it made). The page answers 200 on GET, 400 when the form or the service
refused (reasons next to the fields), 409 when someone saved in between (their version's
`shown` fields listed, what she changed kept and the rest showing their values, with the
new version so saving again is a deliberate choice), and redirects to `next_url(saved)`
on success. The template is the shared form page unless `template` names another that
renders the same context.

A page of several such forms saved together, all or nothing (the quarter page writes every
activity's progress at once), is one call to `versioned_edit_many`: its service raises
`EntriesRefused` saying which entries were refused and why, and each form shows its own
reasons or the other person's version.

Pages still written by hand call `save_versioned` themselves; convert them to
`versioned_edit` when their app is next touched (`grep -rn "save_versioned(" src`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxInput
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from koers.core.pages import FORM_PAGE, display, form_status
from koers.core.widgets import TEXT_SUFFIX, SearchSelect

Versioned = TypeVar("Versioned", bound=models.Model)
Saved = TypeVar("Saved")
Key = TypeVar("Key")
ConflictRows = list[tuple[Any, Any]]


class ConflictError(Exception):
    """Someone else saved the record since the form was opened."""

    def __init__(self, current: Any) -> None:
        super().__init__("stale version")
        self.current = current


class EntriesRefused(Exception):
    """Some of the records a page saves together were refused, so none was saved: per
    entry, keyed as the page keys its forms, the ValidationError or ConflictError."""

    def __init__(self, errors: Mapping[Any, ValidationError | ConflictError]) -> None:
        super().__init__(f"{len(errors)} entries refused")
        self.errors = dict(errors)


class VersionedModel(models.Model):
    """A model edited through forms with a version check (see `lock_for_edit`).

    The field is declared exactly as most versioned models declare it, so a model that
    inherits it instead needs no migration.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def lock_for_edit(record: Versioned, expected_version: int | None) -> Versioned:
    """`record` fetched again and locked until the transaction ends, its version raised
    for the write to come; ConflictError when someone saved it since `expected_version`
    (None: no check, e.g. a service call without a form)."""
    locked = type(record).objects.select_for_update().get(pk=record.pk)  # type: ignore[attr-defined]
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(locked)
    locked.version += 1
    return locked


def keep_her_input(form: Any, current: Any, shown: tuple[str, ...]) -> ConflictRows:
    """After a conflict, `form` keeps what she changed but carries `current`'s version, so
    saving again is a deliberate choice. A field she did not change shows their value, so
    saving again keeps their work there: every field of a versioned form posts back the
    value she saw (`koers.core.forms.RemembersWhatSheSaw`), which tells her changes from
    the stale rest. Each such field now says she saw theirs, so only her own changes count
    as changes. Returns their version's `shown` fields as (label, value) rows for the page.
    """
    data = form.data.copy()
    data[form.add_prefix("version")] = str(current.version)
    # The page built the form's initial values from the record as it is now, unless a
    # save slipped in between that and the lock (then their values are not to hand).
    theirs_to_hand = str(form.initial.get("version")) == str(current.version)
    for name, field in form.fields.items():
        if name == "version" or not field.show_hidden_initial:
            continue
        if theirs_to_hand:
            their_value = form[name].initial
        elif hasattr(current, name):
            their_value = getattr(current, name)
        else:
            continue
        if theirs_to_hand and name not in form.changed_data:
            _put(data, form.add_prefix(name), field, field.widget, their_value)
        _put(data, form.add_initial_prefix(name), field, field.hidden_widget(), their_value)
    form.data = data
    return [(form.fields[name].label, display(current, name)) for name in shown]


def _put(data: Any, key: str, field: Any, widget: Any, value: Any) -> None:
    """Write `value` into posted `data` under `key` as `widget` would post it."""
    if isinstance(widget, SearchSelect):
        data.pop(key + TEXT_SUFFIX, None)  # her text named her old choice; the id alone counts
    if isinstance(widget, CheckboxInput):
        if value:
            data[key] = "on"
        else:
            data.pop(key, None)
        return
    posted = widget.format_value(field.prepare_value(value))
    if isinstance(posted, list):
        data.setlist(key, [str(item) for item in posted])
    else:
        data[key] = "" if posted is None else str(posted)


class Attempt(NamedTuple):
    """What came of one versioned save: whether it saved, what the call returned, and
    the other version's rows when someone saved in between."""

    done: bool
    saved: Any
    conflict_rows: ConflictRows | None


def attempt_versioned_save(
    request: HttpRequest, form: Any, call: Callable[[], Any], success: str, shown: tuple[str, ...]
) -> Attempt:
    """Run `call()` that saves a form carrying the record's version.

    Saved: its result, and `success` flashed. Someone saved in between: the other
    version's `shown` fields as rows for the page, the form keeps her input with the new
    version (so saving again is a deliberate choice), and a message says so. Refused:
    the reasons next to the fields.
    """
    try:
        saved = call()
    except ConflictError as error:
        current = error.current
        messages.error(
            request,
            _(
                "Someone else saved this record while you were editing it. "
                "Their version is shown below; your changes are kept in the form — "
                "check them and save again."
            ),
        )
        rows = keep_her_input(form, current, shown)
        return Attempt(done=False, saved=None, conflict_rows=rows)
    except ValidationError as error:
        form.add_error(None, error)
        return Attempt(done=False, saved=None, conflict_rows=None)
    messages.success(request, success)
    return Attempt(done=True, saved=saved, conflict_rows=None)


def save_versioned(
    request: HttpRequest, form: Any, call: Callable[[], Any], success: str, shown: tuple[str, ...]
) -> tuple[bool, ConflictRows | None]:
    """`attempt_versioned_save` for a hand-written page: (saved?, conflict rows)."""
    attempt = attempt_versioned_save(request, form, call, success, shown)
    return attempt.done, attempt.conflict_rows


def versioned_edit(
    request: HttpRequest,
    form: Any,
    save: Callable[[dict[str, Any]], Saved],
    *,
    success: str,
    shown: tuple[str, ...],
    next_url: Callable[[Saved], str],
    template: str = FORM_PAGE,
    also_valid: Sequence[Any] = (),
    **context: Any,
) -> HttpResponse:
    """The whole of a page that adds or edits a versioned record (see the module's
    docstring): `save(cleaned_data)` returns the saved record. `also_valid`: further forms
    posted with it (rows the template renders), saved only when they are valid too."""
    conflict_rows = None
    valid = form.is_valid() and all(other.is_valid() for other in also_valid)
    if request.method == "POST" and valid:
        cleaned = form.cleaned_data
        attempt = attempt_versioned_save(request, form, lambda: save(cleaned), success, shown)
        if attempt.done:
            return redirect(next_url(attempt.saved))
        conflict_rows = attempt.conflict_rows
    return render(
        request,
        template,
        {**context, "form": form, "conflict_rows": conflict_rows},
        status=form_status(request, conflict_rows),
    )


def versioned_edit_many(
    request: HttpRequest,
    forms: Mapping[Key, Any],
    save: Callable[[Mapping[Key, Any]], Saved],
    *,
    success: Callable[[Saved], str],
    refused: str,
    conflict: str,
    shown: tuple[str, ...],
    next_url: Callable[[Saved], str],
    template: str,
    context: Callable[[Mapping[Key, ConflictRows]], dict[str, Any]],
) -> HttpResponse:
    """The whole of a page of several versioned forms saved together, all or nothing.

    On a POST whose forms are all valid, `save(forms)` saves them in one transaction and
    returns what it saved; then `success(saved)` is flashed and the page redirects to
    `next_url(saved)`. When the service refuses some entries it raises `EntriesRefused`
    keyed like `forms`, and nothing is saved: a refused form shows the reasons, a form
    whose record someone saved in between keeps her input with their version
    (`keep_her_input`) and the `conflict` message, and `refused` is flashed. The page is
    rendered from `context(conflicts)` (their version's rows per key) with the status of
    `form_status`: 200 on GET, 400 after a refused POST, 409 after a conflict. Forms left
    unbound on a POST (a page that may not be changed) are not valid: 400, nothing saved.
    """
    conflicts: dict[Key, ConflictRows] = {}
    if request.method == "POST" and all(form.is_valid() for form in forms.values()):
        try:
            saved = save(forms)
        except EntriesRefused as error:
            for key, reason in error.errors.items():
                form = forms[key]
                if isinstance(reason, ConflictError):
                    conflicts[key] = keep_her_input(form, reason.current, shown)
                    form.add_error(None, conflict)
                else:
                    form.add_error(None, reason)
            messages.error(request, refused)
        else:
            messages.success(request, success(saved))
            return redirect(next_url(saved))
    return render(request, template, context(conflicts), status=form_status(request, conflicts))
