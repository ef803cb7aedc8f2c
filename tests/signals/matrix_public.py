"""The permission matrix's rows of signals' public part (added to ROWS).

The public signal form is opt-in per installation (PUBLIC_SIGNAL_FORM, off here): out of
it, its pages do not exist for anyone (tests/signals/test_public.py covers them switched on).
"""

from __future__ import annotations

from typing import Any

NOWHERE = [404] * 12


def rows(Row: Any) -> list[Any]:
    return [
        Row(
            "signals:public_form",
            "Signaal melden zonder account (openbaar, als aangezet)",
            public=True,
            expected=NOWHERE,
        ),
        Row(
            "signals:public_form",
            "Signaal melden zonder account: versturen (openbaar, als aangezet)",
            method="POST",
            public=True,
            expected=NOWHERE,
        ),
        Row(
            "signals:public_thanks",
            "Signaal melden: bedankt (openbaar, als aangezet)",
            public=True,
            expected=NOWHERE,
        ),
    ]
