"""What a server process should load before it serves: apps register a function here (the
signals' de-identifier, about ten seconds and 1 GB), and `koers serve` runs them all in the
master process before gunicorn forks its workers, so the workers share the memory and no
request waits for a load."""

from __future__ import annotations

import gc
from collections.abc import Callable

_WARM_UPS: list[Callable[[], None]] = []


def register(function: Callable[[], None]) -> None:
    if function not in _WARM_UPS:
        _WARM_UPS.append(function)


def run_all() -> None:
    for function in _WARM_UPS:
        function()
    # What was loaded stays as it is: the collector does not touch (and so copy) the
    # shared pages in each forked worker.
    gc.freeze()
