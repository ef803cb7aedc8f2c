"""`koers fetch_statline`: without the optional cbsodata client (Koers does not require it)
it says how to get the table in instead, and changes nothing; a junk id is refused first."""

from __future__ import annotations

import importlib.util

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from koers.insight.models import Dataset

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(
    importlib.util.find_spec("cbsodata") is not None, reason="cbsodata is installed here"
)
def test_without_cbsodata_it_says_what_to_do_and_changes_nothing() -> None:
    with pytest.raises(CommandError, match="koers import_statline"):
        call_command("fetch_statline", "03759ned")
    assert not Dataset.objects.exists()


@pytest.mark.parametrize("junk", ["../etc", "03759ned; rm", "x"])
def test_a_junk_table_id_is_refused(junk: str) -> None:
    with pytest.raises(CommandError, match="StatLine"):
        call_command("fetch_statline", junk)
