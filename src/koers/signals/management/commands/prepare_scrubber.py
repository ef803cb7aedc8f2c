"""`koers prepare_scrubber`: build `deduce`'s lookup structures once, at install (`make
install` runs it), so that no first signal waits minutes for them. Says what it cost."""

from __future__ import annotations

import resource
import time
from typing import Any

from django.core.management.base import BaseCommand

from koers.signals.scrubbing import backend, warm_up


class Command(BaseCommand):
    help = "Build and load the de-identifier's lookup data (deduce) once; prints time and memory."

    def handle(self, *args: Any, **options: Any) -> None:
        if backend() != "deduce":
            self.stdout.write("Signals are scrubbed by the rules alone (deduce is not used).")
            return
        started = time.perf_counter()
        warm_up()
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"deduce ready in {seconds:.1f} s (peak memory {peak_mb:.0f} MB)")
