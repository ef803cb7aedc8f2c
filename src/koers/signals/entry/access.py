"""Who may interpret a signal: whoever records signals interprets one that nobody has;
changing a person's choice is for those who manage the holder's signals (the coordinator,
the director)."""

from __future__ import annotations

from typing import Any

from koers.signals.access import may_manage_signals, may_record_signals
from koers.signals.models import Signal


def may_interpret(user: Any, signal: Signal) -> bool:
    if signal.interpreted_at is None:
        return may_record_signals(user, signal.holder_id)
    return may_manage_signals(user, signal.holder_id)
