"""50 staff members at once on the demo: mostly reading progress pages, some recording.

Run through `bench/load/run.sh`, which starts `koers serve` on PostgreSQL, runs this for
two minutes on loopback and counts the recorded realisations afterwards.
"""

from __future__ import annotations

import random
import re

from locust import HttpUser, between, task

READERS = ["directeur", "bedrijfsvoering", "toezicht", "provincie", "regioplus", "beheerder"]
WRITERS = ["coordinator", "coordinator-ao", "coordinator-vi", "medewerker"]
PASSWORD = "koers-demo-2021"  # noqa: S105 - the published demo password
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
INDICATOR_FORM = re.compile(r"/indicatoren/(\d+)/realisaties/")
PROGRAMME_LINK = re.compile(r"/programmas/(\d+)/")
ACTIVITY_LINK = re.compile(r"/activiteiten/(\d+)/")


class StaffMember(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self) -> None:
        self.username = random.choice(READERS + WRITERS)  # noqa: S311
        page = self.client.get("/account/inloggen/", name="sign-in page")
        token = CSRF.search(page.text).group(1)  # type: ignore[union-attr]
        self.client.post(
            "/account/inloggen/",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="sign in",
        )
        # Only what she can see: found the way she would, through the pages.
        dashboard = self.client.get("/?jaar=2021", name="dashboard")
        self.programme_ids = sorted(set(PROGRAMME_LINK.findall(dashboard.text)))
        self.activity_ids: list[str] = []
        for programme in self.programme_ids:
            page = self.client.get(f"/programmas/{programme}/?jaar=2021", name="programme")
            self.activity_ids += ACTIVITY_LINK.findall(page.text)
        self.activity_ids = sorted(set(self.activity_ids))

    @task(4)
    def dashboard(self) -> None:
        self.client.get("/?jaar=2021&peildatum=2021-10-15", name="dashboard")

    @task(3)
    def programme(self) -> None:
        programme = random.choice(self.programme_ids)  # noqa: S311
        self.client.get(f"/programmas/{programme}/?jaar=2021", name="programme")

    @task(3)
    def activity_and_record(self) -> None:
        activity = random.choice(self.activity_ids)  # noqa: S311
        page = self.client.get(f"/activiteiten/{activity}/", name="activity")
        if self.username not in WRITERS:
            return
        forms = INDICATOR_FORM.findall(page.text)
        token = CSRF.search(page.text)
        if not forms or not token:
            return  # not hers to record on (a coordinator of another programme)
        indicator = random.choice(forms)  # noqa: S311
        with self.client.post(
            f"/indicatoren/{indicator}/realisaties/",
            {
                "csrfmiddlewaretoken": token.group(1),
                "date": "2021-10-01",
                "value": "1",
                "note": "load-test",
            },
            name="record realisation",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                response.success()
            else:
                response.failure(f"status {response.status_code}")

    def on_stop(self) -> None:
        self.client.get("/gezondheid/", name="health")
