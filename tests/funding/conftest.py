from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    """The services' refusals are matched on their English text (the msgids)."""
    with translation.override("en"):
        yield
