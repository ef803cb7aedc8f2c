"""Benchmark the scrubber of signals (issue 20): what `deduce` costs to load, once per
process, and what scrubbing costs per 1,000 characters of Dutch text, with the rules alone
as the baseline in the same run.

    .venv/bin/python bench/signals_scrub.py [ROUNDS]
    BENCH_BUILD=1 .venv/bin/python bench/signals_scrub.py   # also rebuild deduce's lookup data

The load is measured in a fresh process (`python -c`), as `koers serve` or a worker pays it:
seconds to a ready `Deduce()` and the process's peak RSS before and after. BENCH_BUILD=1 also
times `Deduce(build_lookup_structs=True)`, what `make install` (`koers prepare_scrubber`)
does once per installation; it rewrites the cache inside the installed package, so it is
off by default.

Scrubbing is timed on realistic Dutch signal texts (names, a phone number, a BSN, an address,
a municipality that must stay) of about 200, 1,000 and 5,000 characters, each `ROUNDS` times
(default 20), for `rules` (always run) and `deduce` + rules (the default), and reported in
milliseconds per 1,000 characters (median over the rounds).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")

import django

django.setup()

from django.test import override_settings  # noqa: E402

from koers.signals.scrubbing import backend, scrub  # noqa: E402

SENTENCES = (
    "Mevrouw Jansen uit Almere belde de advieslijn over haar Wlz-indicatie.",
    "Haar dochter Petra de Vries (06-12345678) vraagt om een cliëntondersteuner.",
    "Het CIZ heeft de aanvraag na vier maanden nog niet beoordeeld.",
    "Meneer Bakker, geboren op 12-03-1941, woont aan de Kerkstraat 12 in Lelystad.",
    "Zijn BSN 123456782 stond in de brief van de gemeente Dronten.",
    "De wachtlijst voor het verpleeghuis in Emmeloord is meer dan een jaar.",
    "Mail gerust naar j.pietersen@example.nl als er nieuws is over de Wmo-aanvraag.",
    "De mantelzorger is overbelast en de dagbesteding in Zeewolde is dicht.",
)
LOAD_SNIPPET = """
import resource, sys, time
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started = time.perf_counter()
from deduce import Deduce
engine = Deduce({build})
seconds = time.perf_counter() - started
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{{seconds:.2f}} {{before:.0f}} {{after:.0f}}")
"""


def text_of(length: int) -> str:
    parts: list[str] = []
    index = 0
    while sum(len(p) + 1 for p in parts) < length:
        parts.append(SENTENCES[index % len(SENTENCES)])
        index += 1
    return " ".join(parts)[:length]


def load_in_fresh_process(build: bool) -> tuple[float, float, float] | None:
    snippet = LOAD_SNIPPET.format(build="build_lookup_structs=True" if build else "")
    done = subprocess.run(  # noqa: S603 (our own snippet, run by our own interpreter)
        [sys.executable, "-c", snippet], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        print(done.stderr.strip().splitlines()[-1] if done.stderr else "failed", file=sys.stderr)
        return None
    seconds, before, after = done.stdout.split()
    return float(seconds), float(before), float(after)


def per_thousand(text: str, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        scrub(text)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000 * 1000 / len(text)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    print(f"scrubber: {backend()} (SIGNALS_SCRUBBER), rounds: {rounds}")
    deduce_here = backend() == "deduce"
    if deduce_here:
        if os.environ.get("BENCH_BUILD") == "1":
            built = load_in_fresh_process(build=True)
            if built:
                print(
                    f"| deduce: build lookup data + load | {built[0]:.1f} s | {built[2]:.0f} MB |"
                )
        loaded = load_in_fresh_process(build=False)
        if loaded:
            seconds, before, after = loaded
            print("| step | time | peak RSS |")
            print("| --- | ---: | ---: |")
            print(f"| python start + imports (baseline) | | {before:.0f} MB |")
            print(f"| deduce: load (fresh process) | {seconds:.1f} s | {after:.0f} MB |")
    # The first call in this process loads deduce: not counted in the per-text times.
    started = time.perf_counter()
    scrub(SENTENCES[0])
    print(f"first scrub in this process (loads the backend): {time.perf_counter() - started:.1f} s")
    print()
    print("| text (characters) | rules: ms per 1,000 chars | deduce + rules: ms per 1,000 chars |")
    print("| ---: | ---: | ---: |")
    for length in (200, 1000, 5000):
        text = text_of(length)
        with override_settings(SIGNALS_SCRUBBER="rules"):
            rules_ms = per_thousand(text, rounds)
        both = f"{per_thousand(text, rounds):.1f}" if deduce_here else "(not installed)"
        print(f"| {len(text):,} | {rules_ms:.2f} | {both} |")
    example = scrub(text_of(400))
    print()
    print("what was taken out of a 400-character text:", example.removed)
    print(example.text)


if __name__ == "__main__":
    main()
