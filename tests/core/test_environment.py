"""Boolean settings refuse values that are not booleans (issue 15, item 8): a typo such as
KOERS_HTTPS=ture used to be read as false and quietly switched HTTPS off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from koers.core.environment import FALSE, TRUE, env_bool

VARIABLE = "KOERS_TEST_FLAG"


@pytest.mark.parametrize("value", [*TRUE, "TRUE", "Yes", " on "])
def test_it_reads_true(monkeypatch: Any, value: str) -> None:
    monkeypatch.setenv(VARIABLE, value)
    assert env_bool(VARIABLE, False) is True


@pytest.mark.parametrize("value", [*FALSE, "FALSE", "No", " off "])
def test_it_reads_false(monkeypatch: Any, value: str) -> None:
    monkeypatch.setenv(VARIABLE, value)
    assert env_bool(VARIABLE, True) is False


@pytest.mark.parametrize("default", [True, False])
@pytest.mark.parametrize("value", [None, "", "  "])
def test_unset_or_blank_is_the_default(monkeypatch: Any, value: str | None, default: bool) -> None:
    if value is None:
        monkeypatch.delenv(VARIABLE, raising=False)
    else:
        monkeypatch.setenv(VARIABLE, value)
    assert env_bool(VARIABLE, default) is default


@pytest.mark.parametrize("value", ["ture", "2", "-1", "y", "n", "enabled", "waar", "1.0"])
def test_anything_else_is_refused_naming_the_variable_its_value_and_the_choices(
    monkeypatch: Any, value: str
) -> None:
    monkeypatch.setenv(VARIABLE, value)
    with pytest.raises(ImproperlyConfigured) as refused:
        env_bool(VARIABLE, False)
    message = str(refused.value)
    assert f"{VARIABLE}={value!r} is geen ja/nee-waarde" in message
    assert "1/true/yes/on/0/false/no/off" in message


def test_a_misspelt_https_stops_start_up(tmp_path: Path) -> None:
    # Without the KOERS_ variables of this process: a test that ran `koers demo` in it may
    # have left the demo's (e.g. KOERS_TWO_FACTOR_WAIVED), which stop start-up on their own.
    inherited = {name: value for name, value in os.environ.items() if not name.startswith("KOERS_")}
    environment = {
        **inherited,
        "KOERS_HTTPS": "ture",
        "KOERS_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "koers.settings",
    }
    koers = Path(sys.executable).with_name("koers")
    started = subprocess.run(
        [str(koers), "check"], env=environment, capture_output=True, text=True, timeout=120
    )
    assert started.returncode != 0
    assert "KOERS_HTTPS='ture' is geen ja/nee-waarde" in started.stderr


def test_every_boolean_setting_is_read_strictly() -> None:
    """No setting reads a boolean from the environment by comparing strings itself."""
    settings_source = (
        Path(__file__).resolve().parents[2] / "src" / "koers" / "settings.py"
    ).read_text(encoding="utf-8")
    assert "def env_bool" not in settings_source
    for loose in ('in {"1"', 'in ("1"', '== "1"', '== "true"', ".lower() in"):
        assert loose not in settings_source, loose
