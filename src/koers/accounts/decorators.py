from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from koers.accounts.policy import has_capability, organisations_with
from koers.accounts.roles import Capability
from koers.core.access import ACCESS_ATTRIBUTE

# Marks a view that only the staff of an organisation may open with its capability (its
# page is about the user's own organisation), so the navigation does not offer it to funders.
AS_STAFF_ATTRIBUTE = "koers_access_as_staff"

View = TypeVar("View", bound=Callable[..., Any])


def requires(capability: Capability) -> Callable[[View], View]:
    """Declare a view's access rule: the user needs `capability` in some membership.

    Object-level scope is checked again by the permission-checking getters the view
    uses to load its objects (404 outside the user's scope).
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not has_capability(request.user, capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        setattr(wrapped, ACCESS_ATTRIBUTE, capability.value)
        return wrapped  # type: ignore[return-value]

    return decorate


# A view open to several capabilities declares them joined by this, in its access rule.
ANY_OF = "|"


def requires_any(*capabilities: Capability) -> Callable[[View], View]:
    """Like `requires`, for a page several roles reach each with its own capability (the
    requests' list: staff, the prioritising official, a care organisation's contact). The
    view narrows what each sees; the navigation offers it to whoever holds one of them."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not any(has_capability(request.user, c) for c in capabilities):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        setattr(wrapped, ACCESS_ATTRIBUTE, ANY_OF.join(c.value for c in capabilities))
        return wrapped  # type: ignore[return-value]

    return decorate


def requires_as_staff(capability: Capability) -> Callable[[View], View]:
    """Like `requires`, for a page about the user's own organisation: she needs `capability`
    as a member of staff, not as a funder's official (who has no organisation of her own
    here)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            own, _funding = organisations_with(request.user, capability)
            if not own:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        setattr(wrapped, ACCESS_ATTRIBUTE, capability.value)
        setattr(wrapped, AS_STAFF_ATTRIBUTE, True)
        return wrapped  # type: ignore[return-value]

    return decorate


def signed_in(view: View) -> View:
    """Declare a view open to every signed-in user, whatever her roles (her own account)."""
    setattr(view, ACCESS_ATTRIBUTE, "signed-in")
    return view
