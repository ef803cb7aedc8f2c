"""A client's pseudonym: initials ("J.d.V.", "AB") or a number ("2021-017", "OCO-12"),
never a name. A word of four letters or more, or a capital followed by two small letters
("Jan"), reads as a name and is refused; so is anything but letters, digits, dots, dashes
and spaces (an e-mail address)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_NAME_LIKE = re.compile(r"[^\W\d_]{4,}|[^\W\d_][^\W\d_A-Z]{2,}", re.UNICODE)
_PSEUDONYM = re.compile(r"^[\w.\- ]+$", re.UNICODE)


def checked_pseudonym(reference: str) -> str:
    """The pseudonym as stored (spaces collapsed), or ValidationError when it is empty or
    could be a name."""
    reference = " ".join(reference.split())
    if not reference:
        raise ValidationError({"reference": _("Give the client a pseudonym.")})
    if not _PSEUDONYM.match(reference) or _NAME_LIKE.search(reference):
        raise ValidationError(
            {
                "reference": _(
                    "This looks like a name. Use initials (such as J.d.V.) or a number "
                    "(such as 2021-017): a client is never named here."
                )
            }
        )
    return reference
