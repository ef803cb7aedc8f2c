"""What the benches share: the median of timed requests with their query count, and a
page's own SQL run bare (the baseline the issues' bars compare a page with)."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext


def timed(call: Callable[[], Any], rounds: int) -> tuple[float, int]:
    """The median milliseconds of `rounds` calls after a warm-up, and the queries of the
    last (settings.DEBUG must be on for the count)."""
    call()  # warm-up
    samples = []
    for _ in range(rounds):
        reset_queries()
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), len(connection.queries)


def as_served() -> None:
    """Leave the process as `koers serve` leaves a worker before its first request: what is
    loaded so far frozen out of the cyclic collector's reach (koers.core.warmup). Without
    it, each full collection during a timed request walks every object Django and the
    bench's set-up made, which a served request never pays for."""
    gc.collect()
    gc.freeze()


def own_sql(client: Any, path: str) -> Callable[[], None]:
    """The queries one request of `path` issues, executed bare (no page around them)."""
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    statements = [query["sql"] for query in captured.captured_queries]

    def run() -> None:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
                if cursor.description:
                    cursor.fetchall()

    return run
