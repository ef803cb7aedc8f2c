"""The permission matrix's rows of signals' classify part (added to ROWS)."""

from __future__ import annotations

from typing import Any

# Staff who see signals see how well the classifier does (each her own organisation's:
# the other organisation's director sees her own, empty, page).
CLASSIFIER_VIEWERS = [403, 200, 403, 200, 200, 403, 403, 403, 200, 403, 403, 403]
# Those who manage signals ask for a training of their own organisation's model.
CLASSIFIER_TRAINERS = [403, 302, 403, 302, 403, 403, 403, 403, 302, 403, 403, 403]


def rows(Row: Any) -> list[Any]:
    return [
        Row(
            "signals:classifier",
            "De classificatiehulp: het model in gebruik, precisie en recall per categorie",
            expected=CLASSIFIER_VIEWERS,
        ),
        Row(
            "signals:classifier_train",
            "Een nieuw model laten trainen (eigen organisatie)",
            method="POST",
            expected=CLASSIFIER_TRAINERS,
        ),
    ]
