"""Irreversible or wide actions ask first: one confirmation step for every such view.

A view that deletes, erases, merges, sends or closes is declared with `asks_first` (the
tests find every such view from the URL patterns). A request without a confirmation token
never acts: it answers with the question — what will be affected, counted in the database —
and a "Yes, delete" button that carries a fresh token. Only a POST with that token does the
action, through the view's usual service.

The token is signed (`django.core.signing`) with a salt per URL name, and names the user,
the URL's arguments (the object), a digest of the fields the question carries along (the
month to close, the duplicate to merge) and a random nonce. It is good for
`MAX_AGE_SECONDS`, and for one use: the confirmed request records the nonce in the same
transaction as the action, so a replay finds it spent (409), and two copies sent at once
cannot both pass (the nonce is unique in the database). Replaying the first POST, which
carries no token, only shows the question again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core import signing
from django.db import IntegrityError, models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from koers.core.models import SpentConfirmation

MAX_AGE_SECONDS = 15 * 60
POSTED_FIELD = "confirmation"
PAGE = "core/confirm_page.html"
MARK_ATTRIBUTE = "koers_asks_first"

View = TypeVar("View", bound=Callable[..., Any])
Result = TypeVar("Result")


def asks_first(view: View) -> View:
    """Declare that `view` does an irreversible or wide action and asks first (through
    `Confirmation` or `confirm_first`). The tests take every declared view from the URL
    patterns and check the confirmation on each; a URL whose name says delete, erase,
    merge, send or close must carry the declaration."""
    setattr(view, MARK_ATTRIBUTE, True)
    return view


def is_asking_first(view: Callable[..., Any]) -> bool:
    return bool(getattr(view, MARK_ATTRIBUTE, False))


@dataclass(frozen=True)
class Question:
    """What the confirmation page asks: a heading, the consequences (each a sentence), the
    label of the button that does it and where "Cancel" goes back to (and what that is called)."""

    heading: str | Promise
    consequences: Sequence[str | Promise]
    button: str | Promise
    cancel_url: str
    # The object page that Cancel returns to, as the crumb before the question; empty when
    # the registry's trail already ends there (a list page such as Months).
    cancel_label: str | Promise = ""
    intro: str | Promise = ""
    extra: dict[str, Any] = field(default_factory=dict)


class Confirmation:
    """The confirmation of one request: whether it carries a good token (`given`), a fresh
    token for the question (`token`), and the spending of the token with the action
    (`carry_out`). `carried` names the request fields the action depends on; the token
    holds their digest, so a token for one month or duplicate does not confirm another."""

    def __init__(self, request: HttpRequest, *, carried: Sequence[str] = ()) -> None:
        self.request = request
        match = request.resolver_match
        if match is None:  # pragma: no cover - a view is always resolved
            raise RuntimeError("a confirmation needs a resolved URL")
        self.salt = f"koers.confirm:{match.view_name}"
        self.subject = json.dumps(match.kwargs, sort_keys=True, default=str)
        data = request.POST if request.method == "POST" else request.GET
        self.carried = [(name, data.get(name, "")) for name in carried]
        self.problem: str = ""
        self.status = 200
        self._nonce = ""
        self._checked: bool | None = None

    @property
    def token(self) -> str:
        """A new token for the question's button, with a nonce of its own (every rendering of
        the question gives a new one; each is good for one action)."""
        return signing.dumps(
            {
                "u": self.request.user.pk,
                "s": self.subject,
                "c": self._digest(),
                "n": secrets.token_urlsafe(24),
            },
            salt=self.salt,
        )

    def given(self) -> bool:
        """Whether this is a POST with a good, unspent token for this user, URL, object and
        carried fields. Otherwise `problem` and `status` say why (200: not asked yet)."""
        if self._checked is None:
            self._checked = self._check()
        return self._checked

    def _check(self) -> bool:
        posted = self.request.POST.get(POSTED_FIELD, "") if self.request.method == "POST" else ""
        if not posted:
            return False
        try:
            payload = signing.loads(posted, salt=self.salt, max_age=MAX_AGE_SECONDS)
        except signing.BadSignature:  # also an expired one
            return self._refuse()
        if not isinstance(payload, dict) or (
            payload.get("u"),
            payload.get("s"),
            payload.get("c"),
        ) != (self.request.user.pk, self.subject, self._digest()):
            return self._refuse()
        self._nonce = str(payload.get("n", ""))
        if SpentConfirmation.objects.filter(nonce=self._nonce).exists():
            return self._spent()
        return True

    def carry_out(self, action: Callable[[], Result]) -> tuple[bool, Result | None]:
        """Spend the token and run `action` in one transaction: (True, its result), or
        (False, None) when the token was spent meanwhile (a twin request won the race).
        Only after `given()` answered True."""
        if not self.given():
            raise RuntimeError("carry_out without a good confirmation token")
        spent_before = timezone.now() - dt.timedelta(seconds=MAX_AGE_SECONDS * 2)
        with transaction.atomic():
            try:
                with transaction.atomic():  # a savepoint: the clash leaves the rest usable
                    SpentConfirmation.objects.create(nonce=self._nonce)
            except IntegrityError:  # only the nonce's clash; the action's own errors pass
                self._checked = self._spent()
                return False, None
            # Tokens this old cannot pass the signature's age check any more.
            SpentConfirmation.objects.filter(spent_at__lt=spent_before).delete()
            return True, action()

    def ask(self, question: Question, **context: Any) -> HttpResponse:
        """The question page: consequences, and the button with a fresh token."""
        return render(
            self.request,
            PAGE,
            {"question": question, "confirmation": self, **question.extra, **context},
            status=self.status,
        )

    def _digest(self) -> str:
        return hashlib.sha256(json.dumps(self.carried).encode()).hexdigest()[:32]

    def _refuse(self) -> bool:
        self.status = 400
        self.problem = _(
            "This confirmation has expired or belongs to something else; nothing has been "
            "done. Confirm again below if you still want to."
        )
        return False

    def _spent(self) -> bool:
        self.status = 409
        self.problem = _("This confirmation has already been used; nothing has been done again.")
        return False


def confirm_first(
    request: HttpRequest,
    *,
    question: Callable[[], Question],
    then: Callable[[], HttpResponse],
    carried: Sequence[str] = (),
) -> HttpResponse:
    """Ask `question` unless the request carries a good token; with one, spend it and
    answer with `then()` (which calls the service), in one transaction."""
    confirmation = Confirmation(request, carried=carried)
    if confirmation.given():
        done, response = confirmation.carry_out(then)
        if done and response is not None:
            return response
    return confirmation.ask(question())


# --- consequences --------------------------------------------------------------------------


def deletion_consequences(record: models.Model) -> list[str]:
    """What deleting `record` removes with it, per kind, counted by the same collector the
    deletion uses: "12 participants will also be deleted"."""
    using = router.db_for_write(type(record))
    collector = Collector(using=using)
    try:
        collector.collect([record])
    except (ProtectedError, RestrictedError):
        return [_("Other records refer to it, so it cannot be deleted.")]
    counts: dict[type[models.Model], int] = {}
    for model, instances in collector.data.items():
        counts[model] = counts.get(model, 0) + len(instances)
    for queryset in collector.fast_deletes:
        model = queryset.model
        counts[model] = counts.get(model, 0) + queryset.count()
    counts[type(record)] = counts.get(type(record), 1) - 1  # the record itself is the question
    return also_deleted(
        (model._meta.verbose_name, model._meta.verbose_name_plural, count)
        for model, count in counts.items()
        if count and not model._meta.auto_created  # a many-to-many table's rows are links
    )


def also_deleted(kinds: Iterable[tuple[Any, Any, int]]) -> list[str]:
    """(singular, plural, count) → "1 participant will also be deleted" sentences."""
    return [
        ngettext(
            "%(count)s %(thing)s will also be deleted.",
            "%(count)s %(thing)s will also be deleted.",
            count,
        )
        % {"count": count, "thing": singular if count == 1 else plural}
        for singular, plural, count in kinds
    ]


def moved_links(counted: Iterable[tuple[str, int]]) -> list[str]:
    """(kind, count) of a merge's duplicate → "Participants: 3 move to the record you keep"."""
    return [
        ngettext(
            "%(kind)s: %(count)s moves to the record you keep.",
            "%(kind)s: %(count)s move to the record you keep.",
            count,
        )
        % {"count": count, "kind": str(kind)[:1].upper() + str(kind)[1:]}
        for kind, count in counted
    ]
