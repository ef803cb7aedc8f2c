"""The classifier itself, on plain data (no database, so the worker, the tests and the
benchmark call the same code): TF-IDF over stemmed Dutch terms and their pairs, and two
logistic regressions on the same terms:

- main: which main category a text belongs to;
- detail: which sub-category, or "only the main category" (a class of its own per main
  category, for the signals a person left at the main level or whose sub-category has too
  few examples). Its probability of a sub-category is therefore the probability of that
  sub-category itself, not "given the main category".

A category with fewer than `min_per_category` labelled signals is left out (and said so);
fewer than two main categories left: too few, no model. The figures per category
(precision, recall, support) are measured on a held-out part (stratified by main
category) by a model fitted on the rest; the stored model is then fitted on all of them.

The parameters are plain arrays in an .npz archive (loaded with `allow_pickle=False`):
`vocabulary`, `idf`, and per layer `<layer>_classes`, `<layer>_coef`, `<layer>_intercept`.
`Predictor` computes the same TF-IDF weights and probabilities with numpy alone, so a
suggestion needs neither scikit-learn nor the training data."""

from __future__ import annotations

import io
import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from koers.signals.classify.text import terms

# Inverse regularisation of both regressions: TF-IDF rows are L2-normalised, so the default
# (1.0) gives flat probabilities on small sets; 5 keeps them informative without
# overfitting the held-out part (measured on the tests' set and the benchmark's).
REGULARISATION = 5.0
# lbfgs stops at scikit-learn's default gradient tolerance or after this many iterations.
# (A looser tolerance, 1e-3, stopped the sub-category layer after a few iterations on
# 20,000 signals: its loss is a mean, so its gradient is small from the start.)
TOLERANCE = 1e-4
MAX_ITERATIONS = 500
HELD_OUT_SHARE = 0.2
SEED = 20


def features(text: str) -> list[str]:
    """The terms of `text` and each pair of neighbouring terms ("lange wachtlijst" says more than
    "lange" and "wachtlijst")."""
    words = terms(text)
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


@dataclass(frozen=True)
class Example:
    """A labelled signal: its text, the main category and the sub-category (or None) a
    person chose."""

    text: str
    main: int
    sub: int | None = None


@dataclass
class Outcome:
    """What a training gives: `ready` with parameters, or not (too few) with why."""

    ready: bool
    metrics: dict[str, Any] = field(default_factory=dict)
    parameters: bytes | None = None
    used: int = 0


def _only_main(main: int) -> int:
    # The detail layer's class "only the main category" of main category `main`.
    return -main


def train(examples: Sequence[Example], *, min_per_category: int, seed: int = SEED) -> Outcome:
    """Train on `examples`; see the module's docstring for what is left out and why."""
    minimum = max(min_per_category, 2)  # a held-out split needs two of each
    main_counts = Counter(e.main for e in examples)
    mains = {c for c, n in main_counts.items() if n >= minimum}
    left_out = {str(c): n for c, n in main_counts.items() if c not in mains}
    if len(mains) < 2:
        return Outcome(
            ready=False,
            metrics={"counts": {str(c): n for c, n in main_counts.items()}, "minimum": minimum},
        )
    kept = [e for e in examples if e.main in mains]
    sub_counts = Counter(e.sub for e in kept if e.sub is not None)
    subs = {c for c, n in sub_counts.items() if n >= minimum}
    left_out.update({str(c): n for c, n in sub_counts.items() if c not in subs})
    texts = [e.text for e in kept]
    main_labels = np.array([e.main for e in kept], dtype=np.int64)
    detail_labels = np.array(
        [e.sub if e.sub in subs else _only_main(e.main) for e in kept], dtype=np.int64
    )
    with_detail = bool(subs)

    from sklearn.model_selection import train_test_split

    indices = np.arange(len(kept))
    learn, check = train_test_split(
        indices, test_size=HELD_OUT_SHARE, random_state=seed, stratify=main_labels
    )
    vectoriser, matrix = _vectorise([texts[i] for i in learn])
    check_matrix = vectoriser.transform([texts[i] for i in check])
    main_model = _fit(matrix, main_labels[learn], seed)
    metrics: dict[str, Any] = {
        "main": _figures(main_model.predict(check_matrix), main_labels[check], main_counts),
        "held_out": len(check),
        "minimum": minimum,
        "left_out": left_out,
    }
    if with_detail:
        detail_model = _fit(matrix, detail_labels[learn], seed)
        figures = _figures(detail_model.predict(check_matrix), detail_labels[check], sub_counts)
        figures["categories"] = {k: v for k, v in figures["categories"].items() if int(k) > 0}
        metrics["sub"] = figures

    # The model kept: fitted on every example.
    vectoriser, matrix = _vectorise(texts)
    arrays: dict[str, np.ndarray] = {
        "vocabulary": np.array(vectoriser.get_feature_names_out(), dtype=str),
        "idf": vectoriser.idf_.astype(np.float64),
    }
    _store(arrays, "main", _fit(matrix, main_labels, seed))
    if with_detail:
        _store(arrays, "sub", _fit(matrix, detail_labels, seed))
    metrics["terms"] = len(arrays["vocabulary"])
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)  # type: ignore[arg-type]
    return Outcome(ready=True, metrics=metrics, parameters=buffer.getvalue(), used=len(kept))


# The most frequent terms kept: the stored model holds a weight per category and term, and
# the page and the worker load it whole; past this many, rarer terms add size, not skill.
MAX_TERMS = 20_000


def _vectorise(texts: list[str]) -> tuple[Any, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectoriser = TfidfVectorizer(
        analyzer=features, sublinear_tf=True, min_df=2, max_features=MAX_TERMS
    )
    try:
        return vectoriser, vectoriser.fit_transform(texts)
    except ValueError:  # every term in one text only: keep them all
        vectoriser = TfidfVectorizer(analyzer=features, sublinear_tf=True, max_features=MAX_TERMS)
        return vectoriser, vectoriser.fit_transform(texts)


def _fit(matrix: Any, labels: np.ndarray, seed: int) -> Any:
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(
        C=REGULARISATION,
        class_weight="balanced",
        tol=TOLERANCE,
        max_iter=MAX_ITERATIONS,
        random_state=seed,
    )
    with warnings.catch_warnings():  # stopping at MAX_ITERATIONS is a choice, not a fault
        warnings.simplefilter("ignore", ConvergenceWarning)
        return model.fit(matrix, labels)


def _store(arrays: dict[str, np.ndarray], layer: str, model: Any) -> None:
    arrays[f"{layer}_classes"] = model.classes_.astype(np.int64)
    arrays[f"{layer}_coef"] = model.coef_.astype(np.float32)
    arrays[f"{layer}_intercept"] = model.intercept_.astype(np.float32)


def _figures(predicted: np.ndarray, actual: np.ndarray, labelled: Counter[Any]) -> dict[str, Any]:
    from sklearn.metrics import precision_recall_fscore_support

    classes = np.unique(actual)
    precision, recall, _f, support = precision_recall_fscore_support(
        actual, predicted, labels=classes, zero_division=0
    )
    return {
        "accuracy": round(float(np.mean(predicted == actual)), 3),
        "categories": {
            str(int(c)): {
                "precision": round(float(p), 3),
                "recall": round(float(r), 3),
                "support": int(s),
                "labelled": int(labelled.get(int(c), 0)),
            }
            for c, p, r, s in zip(classes, precision, recall, support, strict=True)
        },
    }


@dataclass(frozen=True)
class Layer:
    classes: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray

    def probabilities(self, columns: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """P(class) per class for a text whose TF-IDF row has `weights` at `columns`."""
        scores = self.coef[:, columns] @ weights + self.intercept
        if len(self.classes) == 2 and len(scores) == 1:  # binary: one coefficient row
            positive = 1.0 / (1.0 + math.exp(-float(scores[0])))
            return np.array([1.0 - positive, positive])
        scores = scores - scores.max()
        exp = np.exp(scores)
        return np.asarray(exp / exp.sum())


@dataclass(frozen=True)
class Prediction:
    """Probabilities per category id, best first."""

    main: list[tuple[int, float]]
    # Sub-categories only (the "only the main category" classes are left out).
    sub: list[tuple[int, float]]


class Predictor:
    """A trained model, loaded from its .npz parameters (no pickle)."""

    def __init__(self, parameters: bytes) -> None:
        with np.load(io.BytesIO(parameters), allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
        self.index = {term: i for i, term in enumerate(arrays["vocabulary"].tolist())}
        self.idf = arrays["idf"]
        self.main = self._layer(arrays, "main")
        self.sub = self._layer(arrays, "sub") if "sub_classes" in arrays else None

    @staticmethod
    def _layer(arrays: dict[str, np.ndarray], name: str) -> Layer:
        return Layer(
            classes=arrays[f"{name}_classes"],
            coef=arrays[f"{name}_coef"],
            intercept=arrays[f"{name}_intercept"],
        )

    def main_classes(self) -> list[tuple[int, int]]:
        """The main categories the model knows, with their column in its layer."""
        return [(int(c), i) for i, c in enumerate(self.main.classes.tolist())]

    def predict(self, text: str) -> Prediction | None:
        """The probabilities for `text`, or None when it holds no term the model knows."""
        counts = Counter(self.index[f] for f in features(text) if f in self.index)
        if not counts:
            return None
        columns = np.fromiter(counts.keys(), dtype=np.int64)
        # As TfidfVectorizer(sublinear_tf=True, norm="l2"): (1 + ln tf) × idf, unit length.
        weights = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))) * self.idf[columns]
        weights /= np.linalg.norm(weights)
        main = self._ranked(self.main, columns, weights)
        sub = (
            [(c, p) for c, p in self._ranked(self.sub, columns, weights) if c > 0]
            if self.sub is not None
            else []
        )
        return Prediction(main=main, sub=sub)

    @staticmethod
    def _ranked(layer: Layer, columns: np.ndarray, weights: np.ndarray) -> list[tuple[int, float]]:
        probabilities = layer.probabilities(columns, weights)
        order = np.argsort(-probabilities)
        return [(int(layer.classes[i]), float(probabilities[i])) for i in order]
