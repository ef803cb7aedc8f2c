"""How a signal's text becomes terms for the classifier: lower case, words only (no numbers,
no tokens the scrubber left such as "[naam]"), Dutch stop words out (stopwordsiso "nl"),
each word stemmed by the Dutch Snowball stemmer. Both lists ship inside their packages:
nothing is downloaded at run time.

The same function analyses the texts of a training and the text of a suggestion, so the
terms always match the model's vocabulary."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
import stopwordsiso

# Letters only (with the Dutch diacritics), at least two of them; "[naam]" and other
# placeholders of the scrubber are removed before (they say nothing about the theme).
_PLACEHOLDER = re.compile(r"\[[^\]\n]{1,40}\]")
_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    return frozenset(stopwordsiso.stopwords("nl"))


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("dutch")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def terms(text: str) -> list[str]:
    """The stemmed terms of `text`, in order, stop words left out."""
    stops = stop_words()
    words = _WORD.findall(_PLACEHOLDER.sub(" ", text).lower())
    return [stem(w) for w in words if w not in stops]
