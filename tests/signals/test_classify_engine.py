"""The classifier's engine on plain data: accuracy on sentences it never saw above a stated
floor, too few examples said rather than guessed, rare categories left out and named,
parameters stored without pickle and predicted without scikit-learn exactly as
scikit-learn would."""

from __future__ import annotations

import io
import zipfile

import numpy as np
import pytest

from koers.signals.classify.engine import Example, Predictor, features, train
from koers.signals.classify.text import terms
from tests.signals.classify_examples import ACCURACY_FLOOR, UNSEEN, labelled_texts

IDS = {"Wachtlijsten": 1, "Eenzaamheid": 2, "Mantelzorg": 3, "Toegang tot zorg": 4}
SUBS = {"Verpleeghuis": 11, "GGZ": 12, "Respijtzorg": 31, "Indicatie": 41}


def examples(per_theme: int = 14) -> list[Example]:
    return [
        Example(text, IDS[main], SUBS[sub] if sub else None)
        for text, main, sub in labelled_texts(per_theme)
    ]


@pytest.fixture(scope="module")
def trained() -> object:
    return train(examples(), min_per_category=10)


def test_terms_are_stemmed_dutch_without_stop_words_or_placeholders() -> None:
    assert terms("De wachtlijsten voor [naam] in het verpleeghuis, 2021!") == [
        "wachtlijst",
        "verpleeghuis",
    ]


def test_features_add_pairs_of_neighbouring_terms() -> None:
    assert features("lange wachtlijst verpleeghuis") == [
        "lang",
        "wachtlijst",
        "verpleeghuis",
        "lang wachtlijst",
        "wachtlijst verpleeghuis",
    ]


def test_it_suggests_the_right_main_category_for_sentences_it_never_saw(trained: object) -> None:
    predictor = Predictor(trained.parameters)  # type: ignore[attr-defined]
    right = 0
    for text, main in UNSEEN:
        prediction = predictor.predict(text)
        assert prediction is not None
        right += prediction.main[0][0] == IDS[main]
    assert right / len(UNSEEN) >= ACCURACY_FLOOR


def test_its_figures_per_category_come_from_held_out_signals(trained: object) -> None:
    metrics = trained.metrics  # type: ignore[attr-defined]
    assert set(metrics["main"]["categories"]) == {"1", "2", "3", "4"}
    held_out = sum(c["support"] for c in metrics["main"]["categories"].values())
    assert held_out == metrics["held_out"] == round(len(examples()) * 0.2)
    assert metrics["main"]["categories"]["2"]["labelled"] == 14
    assert metrics["main"]["accuracy"] >= ACCURACY_FLOOR
    # The sub-categories' figures name real sub-categories only, not "only the main".
    assert set(metrics["sub"]["categories"]) == {"11", "12", "31", "41"}
    assert all(
        0 <= c["precision"] <= 1 and 0 <= c["recall"] <= 1
        for c in metrics["sub"]["categories"].values()
    )


def test_fewer_than_two_categories_with_enough_signals_is_too_few() -> None:
    few = [e for e in examples() if e.main == 1] + [e for e in examples() if e.main == 2][:9]
    outcome = train(few, min_per_category=10)
    assert not outcome.ready
    assert outcome.parameters is None
    assert outcome.metrics["counts"] == {"1": 28, "2": 9}


def test_the_minimum_per_category_is_a_boundary() -> None:
    two = [e for e in examples() if e.main == 1][:10] + [e for e in examples() if e.main == 2][:10]
    assert train(two, min_per_category=10).ready
    assert not train(two, min_per_category=11).ready


def test_a_category_with_too_few_signals_is_left_out_and_named() -> None:
    some = [e for e in examples() if e.main != 4] + [e for e in examples() if e.main == 4][:3]
    outcome = train(some, min_per_category=10)
    assert outcome.ready
    assert outcome.metrics["left_out"] == {"4": 3}
    predictor = Predictor(outcome.parameters)  # type: ignore[arg-type]
    assert 4 not in [c for c, _p in predictor.main_classes()]


def test_parameters_are_plain_arrays_that_load_without_pickle(trained: object) -> None:
    archive = zipfile.ZipFile(io.BytesIO(trained.parameters))  # type: ignore[attr-defined]
    assert sorted(archive.namelist()) == sorted(
        f"{name}.npy"
        for name in (
            "vocabulary",
            "idf",
            "main_classes",
            "main_coef",
            "main_intercept",
            "sub_classes",
            "sub_coef",
            "sub_intercept",
        )
    )
    with np.load(io.BytesIO(trained.parameters), allow_pickle=False) as arrays:  # type: ignore[attr-defined]
        assert arrays["vocabulary"].dtype.kind == "U"
        assert all(arrays[name].dtype != object for name in arrays.files)


def test_the_predictor_gives_scikit_learns_probabilities() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from koers.signals.classify import engine

    data = examples()
    outcome = train(data, min_per_category=10)
    vectoriser = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2)
    matrix = vectoriser.fit_transform([e.text for e in data])
    model = LogisticRegression(
        C=engine.REGULARISATION,
        class_weight="balanced",
        tol=engine.TOLERANCE,
        max_iter=engine.MAX_ITERATIONS,
        random_state=engine.SEED,
    ).fit(matrix, [e.main for e in data])
    predictor = Predictor(outcome.parameters)  # type: ignore[arg-type]
    for text, _main in UNSEEN:
        expected = dict(
            zip(
                model.classes_.tolist(),
                model.predict_proba(vectoriser.transform([text]))[0],
                strict=True,
            )
        )
        got = dict(predictor.predict(text).main)  # type: ignore[union-attr]
        assert got == pytest.approx(expected, abs=1e-4)


def test_a_text_without_known_words_gets_no_prediction(trained: object) -> None:
    predictor = Predictor(trained.parameters)  # type: ignore[attr-defined]
    assert predictor.predict("Xyzzy qwerty.") is None
    assert predictor.predict("") is None


def test_the_vocabulary_keeps_at_most_the_most_frequent_terms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from koers.signals.classify import engine

    with np.load(io.BytesIO(train(examples(), min_per_category=10).parameters)) as arrays:  # type: ignore[attr-defined]
        uncapped = len(arrays["vocabulary"])
    monkeypatch.setattr(engine, "MAX_TERMS", 25)
    with np.load(io.BytesIO(train(examples(), min_per_category=10).parameters)) as arrays:  # type: ignore[attr-defined]
        assert uncapped > 25
        assert len(arrays["vocabulary"]) == 25
        assert arrays["main_coef"].shape[1] == 25
