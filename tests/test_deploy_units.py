"""The systemd units in deploy/ (the app server, the worker, the nightly backup and its timer)
pass `systemd-analyze verify`: every key known, the calendar parsable, the commands there.
They are checked as installed: `/opt/koers/bin/koers` pointed at this environment's `koers`,
the environment file at an empty one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

UNITS = Path(__file__).resolve().parent.parent / "deploy" / "systemd"
INSTALLED_KOERS = "/opt/koers/bin/koers"
ENVIRONMENT_FILE = "/etc/koers/koers.env"


def _verify(units: list[Path]) -> subprocess.CompletedProcess[str]:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        if os.environ.get("CI"):
            pytest.fail("systemd-analyze is missing on this CI machine")
        pytest.skip("systemd-analyze is not installed here")
    return subprocess.run(
        [analyze, "verify", "--man=no", *map(str, units)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _as_installed(tmp_path: Path) -> list[Path]:
    koers = Path(sys.executable).with_name("koers")
    assert koers.exists(), koers
    environment = tmp_path / "koers.env"
    environment.write_text("")
    installed = []
    for unit in sorted(UNITS.iterdir()):
        text = unit.read_text()
        assert INSTALLED_KOERS in text or unit.suffix == ".timer", unit
        text = text.replace(INSTALLED_KOERS, str(koers)).replace(ENVIRONMENT_FILE, str(environment))
        (tmp_path / unit.name).write_text(text)
        installed.append(tmp_path / unit.name)
    return installed


def test_the_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    units = _as_installed(tmp_path)
    assert {unit.name for unit in units} == {
        "koers.service",
        "koers-worker.service",
        "koers-backup.service",
        "koers-backup.timer",
    }
    result = _verify(units)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr  # not even a warning


def test_the_check_finds_a_broken_unit(tmp_path: Path) -> None:
    """Not vacuous: a mistyped key and an unparsable calendar are reported."""
    units = _as_installed(tmp_path)
    timer = tmp_path / "koers-backup.timer"
    timer.write_text(timer.read_text().replace("OnCalendar=*-*-* 02:30:00", "OnCalendar=nightly!"))
    service = tmp_path / "koers.service"
    service.write_text(service.read_text().replace("Restart=", "Restrat="))
    result = _verify(units)
    assert result.returncode != 0
    assert "Restrat" in result.stderr and "calendar" in result.stderr
