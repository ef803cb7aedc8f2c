"""A real Koers for the browser tests: the demo built in its own database and served by
`koers serve` (gunicorn) in a subprocess, driven by Debian's Chromium through Playwright."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

CHROMIUM = os.environ.get("KOERS_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
CHROMIUM_ARGS = [
    # Nothing leaves the machine: every host but this one is unknown to the browser, so a
    # page that asks the internet for something (the atlas's map tiles) gets what an
    # offline installation gets, the same on every machine.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def _database_for_server(worker: str) -> Iterator[str | None]:
    """On PostgreSQL, a database of its own (the test database belongs to the test process)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield None
        return
    import psycopg

    parts = urlsplit(url)
    # Named after the suite's own database, so two checkouts testing at once on one server
    # do not drop each other's.
    name = f"{parts.path.strip('/') or 'koers'}_browser_{worker}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def served(env: dict[str, str], data_dir: Path, *, workers: int = 2) -> Iterator[str]:
    """`koers serve` (gunicorn) on a free port with a task worker beside it, as production
    runs them; yields the address once the health check answers."""
    port = _free_port()
    koers = [sys.executable, "-m", "koers.cli"]
    log = (data_dir / "server.log").open("w")
    server = subprocess.Popen(
        [*koers, "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    # The task worker beside the server, as `koers demo` runs it (long documents, mail).
    worker = subprocess.Popen([*koers, "worker"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        # collectstatic into a fresh data directory comes first: slow on a busy machine.
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(f"{base}/gezondheid/", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "koers serve did not start:\n" + (data_dir / "server.log").read_text()
                    ) from None
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        worker.terminate()
        server.wait(timeout=20)
        worker.wait(timeout=20)
        log.close()


def server_environment(data_dir: Path, database_url: str | None, **extra: str) -> dict[str, str]:
    """The environment of a Koers of its own: its data directory, and on PostgreSQL its own
    database (else SQLite in the data directory)."""
    env = {
        **os.environ,
        "KOERS_DATA_DIR": str(data_dir),
        "KOERS_LOG_LEVEL": "WARNING",
        **extra,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    return env


@pytest.fixture(scope="session")
def demo_environment(tmp_path_factory: Any, request: Any) -> Iterator[dict[str, str]]:
    """The environment of the demo the browser tests use, built once: `koers` commands run
    with it (`run_in_demo`) reach the same database as the demo server."""
    worker_id = getattr(request.config, "workerinput", {}).get("workerid", "main")
    data_dir = tmp_path_factory.mktemp("demo")
    with _database_for_server(worker_id) as database_url:
        env = server_environment(
            data_dir,
            database_url,
            KOERS_DEMO="1",
            KOERS_REFERENCE_DATE="2021-10-15",
            # As `koers demo` serves it: the published accounts sign in without a code.
            KOERS_TWO_FACTOR_WAIVED="1",
        )
        if database_url:
            env["KOERS_DEMO_DATABASE_URL"] = database_url
        koers = [sys.executable, "-m", "koers.cli"]
        subprocess.run([*koers, "demo", "--no-serve"], env=env, check=True, capture_output=True)
        yield env


@pytest.fixture(scope="session")
def demo_server(demo_environment: dict[str, str]) -> Iterator[str]:
    with served(demo_environment, Path(demo_environment["KOERS_DATA_DIR"])) as base:
        yield base


def run_in_demo(env: dict[str, str], code: str) -> str:
    """Run Python in the demo's database (`koers shell -c`), as the server sees it; its
    output. For data a test needs that the demo does not hold."""
    result = subprocess.run(
        [sys.executable, "-m", "koers.cli", "shell", "--no-imports", "-c", code],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser-deps`")
    from playwright.sync_api import expect, sync_playwright

    # expect() waits as long as a page's own actions do (its default is 5 s: too short for
    # a busy CI machine).
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("koers-demo-2021")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/")


def choose(page: Any, label: str, *names: str) -> None:
    """Pick `names` in a searchable choice (core/widgets.py) as a user does: type the name
    in the box labelled `label`, then click the option the search offers."""
    box = page.get_by_label(label)
    for name in names:
        box.fill(name)
        page.get_by_role("option", name=name, exact=True).click()


def follow(page: Any, link: Any) -> None:
    """Click a link (or a form's submit button) and wait until the page it opens has
    loaded, so what comes next (axe, a look-up) reads the new page, not the old one being
    replaced."""
    with page.expect_navigation():
        link.click()


def axe_violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[Any]:
    """Run axe-core in the page; the violations of the given impact, with their targets.
    Waits for the page to have loaded: run while a new page replaces the old one, axe finds
    no document."""
    page.wait_for_load_state("load")
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async () => await axe.run(document,"
        " {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in impacts
    ]
