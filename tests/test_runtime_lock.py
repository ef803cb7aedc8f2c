"""A server installs Koers from requirements.lock (README, "Running in production"): the
runtime packages only. The development tools are in requirements-dev.lock, which `make
install` uses. This test installs the runtime lock into a new virtual environment, as the
README says, and checks that no test or development tool came with it and that what Koers
runs on did (about 40 seconds with pip's cache warm, as `make install` leaves it)."""

from __future__ import annotations

import json
import subprocess
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = {"pytest", "playwright", "locust", "mypy", "ruff", "djlint", "hypothesis", "uv"}
RUNTIME = {"django", "argon2-cffi", "psycopg", "gunicorn", "weasyprint", "deduce"}


def _pins(lock: Path) -> dict[str, str]:
    """The packages a lock file pins (`name[extras]==version \\`), by name."""
    pins = {}
    for line in lock.read_text().splitlines():
        if line and not line.startswith((" ", "#")) and "==" in line:
            name, version = line.split(" ")[0].split("==")
            pins[name.split("[")[0].lower()] = version
    return pins


def test_the_runtime_lock_is_the_development_lock_without_the_tools() -> None:
    runtime = _pins(ROOT / "requirements.lock")
    development = _pins(ROOT / "requirements-dev.lock")
    assert runtime.keys() >= RUNTIME
    assert not TOOLS & runtime.keys()
    assert development.keys() >= TOOLS
    # The server runs the versions the tests ran.
    assert {name: development.get(name) for name in runtime} == runtime


@pytest.mark.install
def test_a_server_installed_from_the_runtime_lock_has_no_test_or_development_tools(
    tmp_path: Path,
) -> None:
    target = tmp_path / "koers-server"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--require-hashes",
            "-r",
            str(ROOT / "requirements.lock"),
        ],
        check=True,
        timeout=900,
    )
    listed = subprocess.run(
        [str(python), "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    installed = {package["name"].lower() for package in json.loads(listed.stdout)}
    assert installed >= RUNTIME
    assert not TOOLS & installed, TOOLS & installed
    # And what the server imports first loads from it.
    subprocess.run(
        [str(python), "-c", "import django, argon2, psycopg, weasyprint, sklearn, deduce"],
        check=True,
        timeout=300,
    )
