"""Benchmark the signals' classifier (koers.signals.classify): training on 2,000 and 20,000
synthetic signals (time and peak memory), the size of the stored parameters, loading them,
and suggesting a category for 1,000 texts (per text: median, 95th percentile, max). Each
size runs in a process of its own; its peak RSS is reported beside the RSS before training.

    .venv/bin/python bench/signals_classify.py [SIGNALS ...]

No database: the engine works on plain data, as the worker's task calls it
(`training.classifier_train_execute` adds one query for the examples). A suggestion in the
app adds two indexed queries (the model in use; which suggested categories are active).

The texts are synthetic Dutch-like signals: 12 main categories with 3 sub-categories each;
a 30,000-word vocabulary drawn by a Zipf law, plus 40 words typical of each main category
and 15 of each sub-category; 25 to 70 words per text. The small set (2,000) is the baseline
in the same run."""

from __future__ import annotations

import multiprocessing
import os
import random
import resource
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")
import django

django.setup()

from koers.signals.classify.engine import Example, Predictor, train  # noqa: E402

SYLLABLES = [
    "ver", "zorg", "wacht", "lijst", "ge", "meen", "te", "hulp", "huis", "arts", "thuis",
    "buurt", "man", "tel", "in", "wo", "ner", "kin", "der", "jeugd", "plek", "aan", "vraag",
    "be", "han", "de", "ling", "loket", "over", "leg", "steun", "raad", "cliënt", "geld",
    "werk", "school", "bus", "ver", "voer", "pijn", "zie", "ken", "oud", "jong",
]  # fmt: skip
MAINS, SUBS = 12, 3


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _n in range(rng.randint(2, 4)))


def synthetic(count: int, seed: int = 20) -> tuple[list[Example], list[str]]:
    rng = random.Random(seed)  # noqa: S311 (benchmark data)
    common = list({word(rng) for _n in range(40_000)})[:30_000]
    weights = [1 / (rank + 1) for rank in range(len(common))]
    typical = {m: [word(rng) for _n in range(40)] for m in range(1, MAINS + 1)}
    detail = {
        (m, s): [word(rng) for _n in range(15)]
        for m in range(1, MAINS + 1)
        for s in range(1, SUBS + 1)
    }

    def text(main: int, sub: int | None) -> str:
        length = rng.randint(25, 70)
        words = rng.choices(common, weights, k=length)
        words += rng.choices(typical[main], k=max(2, length // 8))
        if sub is not None:
            words += rng.choices(detail[(main, sub)], k=max(1, length // 15))
        rng.shuffle(words)
        return " ".join(words)

    examples = []
    for _n in range(count):
        main = rng.randint(1, MAINS)
        sub = rng.choice([None, 1, 2, 3])
        examples.append(Example(text(main, sub), main, main * 100 + sub if sub else None))
    probes = [text(rng.randint(1, MAINS), rng.choice([None, 1])) for _n in range(1_000)]
    return examples, probes


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_training(examples: list[Example]) -> bytes:
    before = rss_mb()
    started = time.perf_counter()
    outcome = train(examples, min_per_category=10)
    seconds = time.perf_counter() - started
    assert outcome.parameters is not None
    print(
        f"  training on {len(examples):>6,} signals: {seconds:6.1f} s; peak RSS {rss_mb():.0f} MB "
        f"({before:.0f} MB before); main accuracy on held-out "
        f"{outcome.metrics['main']['accuracy']:.3f}, sub {outcome.metrics['sub']['accuracy']:.3f}; "
        f"{outcome.metrics['terms']:,} terms; parameters {len(outcome.parameters) / 2**20:.1f} MB",
        flush=True,
    )
    return outcome.parameters


def measure_suggestions(parameters: bytes, probes: list[str]) -> None:
    started = time.perf_counter()
    predictor = Predictor(parameters)
    loading = time.perf_counter() - started
    predictor.predict(probes[0])  # the stemmer's first use
    times = []
    for text in probes:
        started = time.perf_counter()
        predictor.predict(text)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(
        f"  loading the model: {loading * 1000:.0f} ms; a suggestion over {len(probes):,} texts: "
        f"median {statistics.median(times):.2f} ms, 95th percentile "
        f"{times[int(len(times) * 0.95)]:.2f} ms, max {times[-1]:.2f} ms",
        flush=True,
    )


def one_size(size: int) -> None:
    examples, probes = synthetic(size)
    measure_suggestions(measure_training(examples), probes)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [2_000, 20_000]
    print(f"Classifier benchmark ({os.cpu_count()} cores)", flush=True)
    # Each size in a process of its own, so its peak RSS is its own training's.
    context = multiprocessing.get_context("fork")
    for size in sizes:
        child = context.Process(target=one_size, args=(size,))
        child.start()
        child.join()


if __name__ == "__main__":
    main()
