import datetime as dt
import re
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from koers.plans.models import Activity, AnnualPlanStatus, Realisation
from koers.plans.services import realisation_record
from tests.conftest import World
from tests.plans.factories import RealisationFactory

PDF = b"%PDF-1.4\n%%EOF\n"


def post_realisation(world: World, role: str = "programmacoordinator", htmx: bool = True, **data):  # type: ignore[no-untyped-def]
    payload = {"date": "2021-09-20", "value": "1", "note": "Thema natuur"}
    payload.update(data)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return world.client(role).post(
        reverse("plans:realisation_create", args=[world.indicator.pk]), payload, **headers
    )


class TestRealisationEntry:
    def test_htmx_entry_returns_the_updated_card(self, world: World) -> None:
        RealisationFactory(indicator=world.indicator, date=dt.date(2021, 3, 1))
        RealisationFactory(indicator=world.indicator, date=dt.date(2021, 6, 1))
        response = post_realisation(world)
        assert response.status_code == 200
        html = response.content.decode()
        assert f'id="indicator-{world.indicator.pk}-title"' in html
        assert "3 / 7" in html
        assert "<html" not in html  # a fragment, not a page
        assert Realisation.objects.filter(indicator=world.indicator).count() == 3

    def test_invalid_input_comes_back_next_to_the_field_and_saves_nothing(
        self, world: World
    ) -> None:
        response = post_realisation(world, value="-2")
        assert response.status_code == 422
        html = response.content.decode()
        assert "negatief" in html
        assert 'aria-invalid="true"' in html
        assert not Realisation.objects.exists()

    def test_too_many_decimals_is_refused_by_the_form(self, world: World) -> None:
        response = post_realisation(world, value="1,234")
        assert response.status_code == 422
        assert not Realisation.objects.exists()

    def test_a_decimal_comma_is_accepted(self, world: World) -> None:
        world.indicator.unit = "hours"
        world.indicator.save()
        post_realisation(world, value="2,5")
        assert Realisation.objects.get().value == Decimal("2.5")

    def test_without_htmx_it_redirects_to_the_activity(self, world: World) -> None:
        response = post_realisation(world, htmx=False)
        assert response.status_code == 302
        assert response["Location"] == reverse("plans:activity", args=[world.activity.pk])

    def test_without_htmx_errors_render_a_full_page(self, world: World) -> None:
        response = post_realisation(world, htmx=False, date="2019-01-01")
        assert response.status_code == 400
        assert "buiten de planperiode" in response.content.decode()

    def test_an_upload_of_the_wrong_type_is_refused_with_a_message(self, world: World) -> None:
        upload = SimpleUploadedFile("virus.exe", b"MZ...")
        response = post_realisation(world, evidence_file=upload)
        assert response.status_code == 422
        assert "niet toegestaan" in response.content.decode()
        assert not Realisation.objects.exists()

    def test_the_funder_cannot_post(self, world: World) -> None:
        assert post_realisation(world, role="opdrachtgever").status_code == 403

    def test_an_outsider_gets_404(self, world: World) -> None:
        assert post_realisation(world, role="outsider").status_code == 404

    def test_get_is_not_allowed(self, world: World) -> None:
        url = reverse("plans:realisation_create", args=[world.indicator.pk])
        assert world.client("programmacoordinator").get(url).status_code == 405


class TestEvidenceDownload:
    def test_it_is_served_as_an_attachment_to_those_who_may_see_it(self, world: World) -> None:
        realisation = realisation_record(
            actor=world.users["medewerker"],
            indicator=world.indicator,
            date=dt.date(2021, 5, 1),
            value=Decimal(1),
            evidence_file=SimpleUploadedFile("verslag.pdf", PDF),
        )
        url = reverse("plans:realisation_evidence", args=[realisation.pk])
        response = world.client("opdrachtgever").get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert b"".join(response.streaming_content) == PDF
        assert world.client("outsider").get(url).status_code == 404


class TestActivityEdit:
    def test_two_people_editing_the_second_gets_the_conflict(self, world: World) -> None:
        url = reverse("plans:activity_edit", args=[world.activity.pk])
        form = {
            "title": "Titel A",
            "description": "Beschrijving",
            "outcome": "",
            "role": "gesprek_verbinding",
            "phase": "versterken",
            "status": "running",
            "version": "1",
        }
        first = world.client("directeur").post(url, form)
        assert first.status_code == 302
        second = world.client("programmacoordinator").post(url, {**form, "title": "Titel B"})
        assert second.status_code == 409
        html = second.content.decode()
        assert "Titel A" in html  # what the other person saved is shown
        assert 'value="Titel B"' in html  # her own input is kept
        their = html.split('id="conflict-heading"')[1].split("</section>")[0]
        assert "Loopt" in their and "running" not in their  # their status by its label
        assert Activity.objects.get(pk=world.activity.pk).title == "Titel A"

    def test_a_frozen_plan_refuses_text_changes_with_the_reason(self, world: World) -> None:
        world.annual_plan.status = AnnualPlanStatus.SUBMITTED
        world.annual_plan.save()
        url = reverse("plans:activity_edit", args=[world.activity.pk])
        response = world.client("directeur").post(
            url,
            {
                "title": "Andere titel",
                "description": world.activity.description,
                "role": "gesprek_verbinding",
                "phase": "versterken",
                "status": "planned",
                "version": "1",
            },
        )
        assert response.status_code == 400
        assert "bevroren" in response.content.decode()


class TestPages:
    def test_the_programme_page_shows_the_three_column_chain(self, world: World) -> None:
        response = world.client("programmacoordinator").get(
            reverse("plans:programme", args=[world.programme.pk]) + "?jaar=2021"
        )
        html = response.content.decode()
        for column in ("Activiteiten", "Output", "Outcome"):
            assert f'<th scope="col">{column}</th>' in html
        assert world.activity.title in html
        # The programme is traced up to the funder's goal it contributes to, with its parent.
        assert reverse("plans:goal", args=[world.goal.pk]) in html
        assert world.goal.title in html and world.goal.parent.title in html

    def test_the_english_interface_is_available(self, world: World) -> None:
        client = world.client("directeur")
        client.post(reverse("set_language"), {"language": "en", "next": "/"})
        response = client.get(reverse("plans:dashboard"))
        assert "Where we stand in" in response.content.decode()

    def test_the_goal_page_traces_activities_to_the_funder_goal(self, world: World) -> None:
        response = world.client("opdrachtgever").get(
            reverse("plans:goal", args=[world.goal.pk]) + "?jaar=2021"
        )
        html = response.content.decode()
        assert world.programme.name in html
        assert world.activity.title in html
        assert world.unfunded_programme.name not in html


class TestRealisationList:
    def test_each_indicator_shows_its_latest_ten_and_says_how_many_there_are(
        self, world: World
    ) -> None:
        for day in range(1, 16):
            RealisationFactory(indicator=world.indicator, date=dt.date(2021, 3, day))
        quiet = RealisationFactory(
            indicator__activity=world.activity, date=dt.date(2021, 1, 5), note="stil"
        )
        response = world.client("medewerker").get(
            reverse("plans:activity", args=[world.activity.pk]) + "?peildatum=2021-12-31"
        )
        html = response.content.decode()
        card = html.split(f'id="indicator-{world.indicator.pk}"')[1].split("</section>")[0]
        shown_days = re.findall(r"<td>(\d+) maart 2021</td>", card.lower())
        assert shown_days == [str(day) for day in range(15, 5, -1)]  # newest ten, newest first
        assert "De laatste 10 van 15 realisaties" in card
        assert quiet.note in html  # a busy indicator does not crowd out the others


class TestHistory:
    def test_the_activity_page_lists_changes_with_field_names_users_know(
        self, world: World
    ) -> None:
        realisation_record(
            actor=world.users["programmacoordinator"],
            indicator=world.indicator,
            date=dt.date(2021, 9, 23),
            value=Decimal(1),
            note="Thema natuur",
        )
        html = (
            world.client("directeur")
            .get(reverse("plans:activity", args=[world.activity.pk]))
            .content.decode()
        )
        history = html.split('id="history-heading"')[1]
        assert "Realisatie vastgelegd" in history
        assert "toelichting" in history.lower() and "Thema natuur" in history

    def test_the_recorder_sees_a_remove_button_for_her_own_realisation_only(
        self, world: World
    ) -> None:
        mine = realisation_record(
            actor=world.users["medewerker"],
            indicator=world.indicator,
            date=dt.date(2021, 9, 1),
            value=Decimal(1),
        )
        other = RealisationFactory(indicator=world.indicator, recorded_by=world.users["directeur"])
        html = (
            world.client("medewerker")
            .get(reverse("plans:activity", args=[world.activity.pk]))
            .content.decode()
        )
        assert reverse("plans:realisation_delete", args=[mine.pk]) in html
        assert reverse("plans:realisation_delete", args=[other.pk]) not in html


class TestHtmxBehaviour:
    def test_the_response_swaps_the_body_and_announces_the_result(self, world: World) -> None:
        response = post_realisation(world)
        html = response.content.decode()
        assert f'id="indicator-{world.indicator.pk}-status" hx-swap-oob="innerHTML"' in html
        assert "De realisatie is vastgelegd." in html
        assert f'id="indicator-{world.indicator.pk}-save"' in html  # focus comes back here

    def test_an_expired_session_sends_htmx_to_the_sign_in_page(self, world: World) -> None:
        from django.test import Client

        response = Client().post(
            reverse("plans:realisation_create", args=[world.indicator.pk]),
            {"date": "2021-09-20", "value": "1"},
            HTTP_HX_REQUEST="true",
            HTTP_HX_CURRENT_URL="http://testserver/activiteiten/1/",
        )
        assert response["HX-Redirect"] == "/account/inloggen/?next=%2Factiviteiten%2F1%2F"
        assert not Realisation.objects.exists()

    def test_field_errors_are_summarised_in_an_alert(self, world: World) -> None:
        html = post_realisation(world, value="-1").content.decode()
        alert = html.split('role="alert"')[1].split("</div>")[0]
        assert "negatief" in alert
