"""Client support's pages: only the supporter, her coordinator and the director open a case;
every opening is in the access log, and so is a refused attempt (answered 404); the list
shows each her own reach and logs what it listed; opening, changing and closing a case,
adding a contact and raising a signal go through the pages with their refusals in Dutch."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from koers.accounts.models import Membership
from koers.core.models import AuditEntry
from koers.privacy.models import AccessAction, AccessRecord
from koers.signals.models import Case, CaseContact, Client, Signal
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.conftest import verified_client
from tests.plans.factories import ActivityFactory, ProgrammeFactory
from tests.signals.factories import (
    CaseContactFactory,
    CaseFactory,
    CaseTypeFactory,
    ClientFactory,
    flevoland,
)

LIST = "/signalen/clientondersteuning/"
ADD = "/signalen/clientondersteuning/nieuw/"


def case_url(case: Case, suffix: str = "") -> str:
    return f"/signalen/clientondersteuning/{case.pk}/{suffix}"


@pytest.fixture
def case(world: Any) -> Case:
    """An open case of the medewerker in the coordinator's programme."""
    case_type = CaseTypeFactory(holder=world.own, activity=world.activity, name="OCO Wlz")
    client = ClientFactory(holder=world.own, reference="JdV", municipality=flevoland())
    return CaseFactory(
        holder=world.own,
        case_type=case_type,
        client=client,
        supporter=world.users["medewerker"],
        question="Wil weten hoe de Wlz-indicatie werkt.",
    )


def logged(action: str, case: Case) -> list[tuple[str, str]]:
    return list(
        AccessRecord.objects.filter(
            action=action, subject_type="signals.case", subject_id=case.pk
        ).values_list("user__username", "detail")
    )


class TestOpeningACase:
    @pytest.mark.parametrize("role", ["medewerker", "programmacoordinator", "directeur"])
    def test_the_supporter_her_coordinator_and_the_director_open_it_and_it_is_logged(
        self, world: Any, case: Case, role: str
    ) -> None:
        page = world.client(role).get(case_url(case))
        assert page.status_code == 200
        assert "Wil weten hoe de Wlz-indicatie werkt." in page.content.decode()
        assert logged(AccessAction.VIEW, case) == [(role, "")]

    def test_the_page_and_the_list_call_the_person_supported_a_client_not_a_principal(
        self, world: Any, case: Case
    ) -> None:
        # "client" alone is translated "opdrachtgever" (the business sense, elsewhere).
        for url in (case_url(case), LIST):
            page = world.client("medewerker").get(url).content.decode()
            assert "Cliënt" in page
            assert "Opdrachtgever" not in page

    def test_another_supporter_of_the_same_organisation_gets_404_and_is_logged_refused(
        self, world: Any, case: Case
    ) -> None:
        colleague = UserFactory(username="collega")
        MembershipFactory(user=colleague, organisation=world.own, role="medewerker")
        refused = verified_client(colleague).get(case_url(case))
        assert refused.status_code == 404
        assert logged(AccessAction.REFUSED, case) == [("collega", "")]
        assert logged(AccessAction.VIEW, case) == []

    def test_the_coordinator_of_another_programme_gets_404_and_is_logged_refused(
        self, world: Any, case: Case
    ) -> None:
        Membership.objects.filter(user=world.users["programmacoordinator"]).first().programmes.set(  # type: ignore[union-attr]
            [world.unfunded_programme]
        )
        refused = world.client("programmacoordinator").get(case_url(case))
        assert refused.status_code == 404
        assert logged(AccessAction.REFUSED, case) == [("programmacoordinator", "")]

    def test_the_director_of_another_organisation_gets_404_and_is_logged_refused(
        self, world: Any, case: Case
    ) -> None:
        assert world.client("outsider").get(case_url(case)).status_code == 404
        assert world.client("outsider").get(case_url(case, "wijzigen/")).status_code == 404
        assert sorted(logged(AccessAction.REFUSED, case)) == [
            ("outsider", ""),
            ("outsider", "edit"),
        ]

    @pytest.mark.parametrize("role", ["opdrachtgever", "toezicht", "bedrijfsvoering", "beheerder"])
    def test_funders_the_board_operations_and_the_beheerder_are_refused(
        self, world: Any, case: Case, role: str
    ) -> None:
        assert world.client(role).get(case_url(case)).status_code == 403
        assert not AccessRecord.objects.exists()

    def test_anonymous_visitors_are_sent_to_sign_in_and_nothing_is_logged(
        self, client: Any, case: Case
    ) -> None:
        answer = client.get(case_url(case))
        assert answer.status_code == 302
        assert "/inloggen/" in answer["Location"] or "login" in answer["Location"]
        assert not AccessRecord.objects.exists()

    def test_a_number_that_is_no_case_is_404_without_a_log_line(self, world: Any) -> None:
        assert (
            world.client("directeur").get("/signalen/clientondersteuning/999999/").status_code
            == 404
        )
        assert not AccessRecord.objects.exists()

    def test_a_refused_write_is_logged_refused_and_changes_nothing(
        self, world: Any, case: Case
    ) -> None:
        refused = world.client("outsider").post(
            case_url(case, "contact/"),
            {"on": "2021-03-02", "minutes": "30", "form": "telefoon", "note": ""},
        )
        assert refused.status_code == 404
        assert not CaseContact.objects.exists()
        assert logged(AccessAction.REFUSED, case) == [("outsider", "contact")]


class TestTheList:
    def test_each_sees_her_reach_and_the_listed_cases_are_logged(
        self, world: Any, case: Case
    ) -> None:
        other_supporter = UserFactory(username="collega")
        MembershipFactory(user=other_supporter, organisation=world.own, role="medewerker")
        elsewhere = CaseFactory(
            holder=world.own,
            case_type=CaseTypeFactory(
                holder=world.own,
                activity=ActivityFactory(programme=world.unfunded_programme),
            ),
            supporter=other_supporter,
        )
        seen = {
            role: world.client(role).get(LIST).context["cases"]
            for role in ("medewerker", "programmacoordinator", "directeur", "outsider")
        }
        assert [c.pk for c in seen["medewerker"]] == [case.pk]
        assert [c.pk for c in seen["programmacoordinator"]] == [case.pk]
        assert {c.pk for c in seen["directeur"]} == {case.pk, elsewhere.pk}
        assert seen["outsider"] == []
        assert logged(AccessAction.LIST, elsewhere) == [("directeur", "")]
        assert sorted(logged(AccessAction.LIST, case)) == [
            ("directeur", ""),
            ("medewerker", ""),
            ("programmacoordinator", ""),
        ]

    def test_filters_narrow_by_state_and_a_wrong_value_is_no_filter(
        self, world: Any, case: Case
    ) -> None:
        closed = CaseFactory(
            holder=world.own,
            case_type=case.case_type,
            supporter=world.users["medewerker"],
            closed_on=dt.date(2021, 4, 1),
            outcome="informatie",
        )
        client = world.client("medewerker")
        assert [c.pk for c in client.get(LIST + "?stand=open").context["cases"]] == [case.pk]
        assert [c.pk for c in client.get(LIST + "?stand=gesloten").context["cases"]] == [closed.pk]
        assert len(client.get(LIST + "?stand=kapot&jaar=x").context["cases"]) == 2

    @pytest.mark.parametrize("count", [10, 200])
    def test_the_list_keeps_its_query_count(
        self, world: Any, django_assert_max_num_queries: Any, count: int
    ) -> None:
        case_type = CaseTypeFactory(holder=world.own, activity=world.activity)
        for _ in range(count):
            made = CaseFactory(
                holder=world.own, case_type=case_type, supporter=world.users["medewerker"]
            )
            CaseContactFactory(case=made)
        client = world.client("directeur")
        with django_assert_max_num_queries(16):
            page = client.get(LIST)
        assert page.status_code == 200
        assert page.context["listing"].total == count


def opened(world: Any, **changes: Any) -> dict[str, str]:
    case_type = CaseTypeFactory(holder=world.own, activity=world.activity)
    data = {
        "case_type": str(case_type.pk),
        "reference": "M.K.",
        "birth_band": "1950_1959",
        "municipality": str(flevoland().pk),
        "law": "wlz",
        "question": "Zoekt een onafhankelijk gesprek over de zorgthuis.",
        "opened_on": "2021-03-01",
    }
    data.update(changes)
    return data


class TestOpeningANewCase:
    def test_a_supporter_opens_a_case_for_a_new_pseudonymous_client(self, world: Any) -> None:
        done = world.client("medewerker").post(ADD, opened(world))
        assert done.status_code == 302
        case = Case.objects.get()
        assert done["Location"] == case_url(case)
        assert case.supporter == world.users["medewerker"]
        assert (case.client.reference, case.client.birth_band) == ("M.K.", "1950_1959")
        entry = AuditEntry.objects.get(action="case.opened")
        assert "question" not in str(entry.changes)

    def test_a_known_client_of_her_cases_is_found_by_her_pseudonym(
        self, world: Any, case: Case
    ) -> None:
        done = world.client("medewerker").post(
            ADD, opened(world, reference="jdv ", municipality="", birth_band="onbekend")
        )
        assert done.status_code == 302
        assert Client.objects.count() == 1
        assert Case.objects.filter(client=case.client).count() == 2

    def test_a_client_of_a_case_she_may_not_open_is_not_hers_to_reuse(self, world: Any) -> None:
        ClientFactory(holder=world.own, reference="XY")
        refused = world.client("medewerker").post(ADD, opened(world, reference="XY"))
        assert refused.status_code == 400
        assert "Dit pseudoniem is al in gebruik" in refused.content.decode()
        assert not Case.objects.exists()

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"reference": "Jan de Vries"}, "Dit lijkt een naam."),
            ({"reference": "Fatima"}, "Dit lijkt een naam."),
            ({"reference": ""}, "Geef het pseudoniem van de cliënt."),
            ({"question": ""}, "Zeg wat de cliënt vraagt."),
            ({"opened_on": "2999-01-01"}, "Deze datum ligt in de toekomst."),
            ({"municipality": ""}, "Kies de gemeente van de nieuwe cliënt."),
        ],
    )
    def test_bad_input_is_refused_in_dutch_and_nothing_is_saved(
        self, world: Any, changes: dict[str, str], message: str
    ) -> None:
        refused = world.client("medewerker").post(ADD, opened(world, **changes))
        assert refused.status_code == 400
        assert message in refused.content.decode()
        assert not Case.objects.exists()
        assert not Client.objects.exists()

    def test_a_municipality_outside_the_region_is_refused(self, world: Any) -> None:
        from tests.directory.factories import MunicipalityFactory

        utrecht = MunicipalityFactory(
            code="GM0344", name="Utrecht", slug="utrecht", province_code="PV26"
        )
        refused = world.client("medewerker").post(ADD, opened(world, municipality=str(utrecht.pk)))
        assert refused.status_code == 400
        assert not Client.objects.exists()


class TestChangingAndClosing:
    def test_the_coordinator_changes_the_question_and_the_clients_band(
        self, world: Any, case: Case
    ) -> None:
        client = world.client("programmacoordinator")
        assert client.get(case_url(case, "wijzigen/")).status_code == 200
        done = client.post(
            case_url(case, "wijzigen/"),
            {
                "case_type": str(case.case_type_id),
                "question": "Nieuwe vraag.",
                "opened_on": "2021-03-01",
                "birth_band": "1960_1969",
                "municipality": str(case.client.municipality_id),
                "law": "wmo",
                "version": str(case.version),
            },
        )
        assert done.status_code == 302
        case.refresh_from_db()
        case.client.refresh_from_db()
        assert (case.question, case.client.birth_band, case.client.law) == (
            "Nieuwe vraag.",
            "1960_1969",
            "wmo",
        )
        assert logged(AccessAction.VIEW, case) == [("programmacoordinator", "edit")] * 2

    def test_closing_sets_outcome_and_date_and_a_second_close_is_refused(
        self, world: Any, case: Case
    ) -> None:
        CaseContactFactory(case=case, on=dt.date(2021, 3, 10))
        client = world.client("medewerker")
        url = case_url(case, "sluiten/")
        early = client.post(
            url, {"outcome": "doorverwezen", "closed_on": "2021-03-05", "version": case.version}
        )
        assert early.status_code == 400
        assert "Het dossier heeft een contact na deze datum" in early.content.decode()
        done = client.post(
            url, {"outcome": "doorverwezen", "closed_on": "2021-03-12", "version": case.version}
        )
        assert done.status_code == 302
        case.refresh_from_db()
        assert (case.outcome, case.closed_on) == ("doorverwezen", dt.date(2021, 3, 12))
        again = client.post(
            url, {"outcome": "opgelost", "closed_on": "2021-03-13", "version": case.version}
        )
        assert again.status_code == 400
        assert "Dit dossier is al afgesloten." in again.content.decode()


class TestHandingOver:
    """A supporter leaves or is away for long: whoever supervises the case gives it to a
    colleague who gives client support; the former supporter no longer opens it."""

    def a_colleague(self, world: Any) -> Any:
        colleague = UserFactory(username="collega", first_name="Noor", last_name="Visser")
        MembershipFactory(user=colleague, organisation=world.own, role="medewerker")
        return colleague

    def test_the_coordinator_hands_a_case_to_a_colleague_who_then_opens_it_alone(
        self, world: Any, case: Case
    ) -> None:
        colleague = self.a_colleague(world)
        coordinator = world.client("programmacoordinator")
        assert "/overdragen/" in coordinator.get(case_url(case)).content.decode()
        page = coordinator.get(case_url(case, "overdragen/")).content.decode()
        assert "Noor Visser" in page
        done = coordinator.post(case_url(case, "overdragen/"), {"supporter": colleague.pk})
        assert done.status_code == 302
        case.refresh_from_db()
        assert case.supporter == colleague
        entry = AuditEntry.objects.get(action="case.handed_over")
        assert entry.changes == {"supporter": [world.users["medewerker"].pk, colleague.pk]}
        assert world.client("medewerker").get(case_url(case)).status_code == 404
        assert logged(AccessAction.REFUSED, case) == [("medewerker", "")]
        assert verified_client(colleague).get(case_url(case)).status_code == 200

    def test_the_supporter_herself_does_not_hand_over_and_sees_no_link(
        self, world: Any, case: Case
    ) -> None:
        colleague = self.a_colleague(world)
        supporter = world.client("medewerker")
        assert "/overdragen/" not in supporter.get(case_url(case)).content.decode()
        refused = supporter.post(case_url(case, "overdragen/"), {"supporter": colleague.pk})
        assert refused.status_code == 403
        case.refresh_from_db()
        assert case.supporter == world.users["medewerker"]

    @pytest.mark.parametrize("who", ["bedrijfsvoering", "outsider", "nobody"])
    def test_only_a_colleague_who_gives_client_support_is_a_choice(
        self, world: Any, case: Case, who: str
    ) -> None:
        chosen = world.users[who] if who != "nobody" else UserFactory(username="los")
        refused = world.client("directeur").post(
            case_url(case, "overdragen/"), {"supporter": chosen.pk}
        )
        assert refused.status_code == 400
        assert "Kies een collega van deze organisatie die cliëntondersteuning geeft." in (
            refused.content.decode()
        )
        case.refresh_from_db()
        assert case.supporter == world.users["medewerker"]
        assert not AuditEntry.objects.filter(action="case.handed_over").exists()

    def test_the_service_refuses_the_same_supporter_and_a_closed_case(
        self, world: Any, case: Case
    ) -> None:
        from django.core.exceptions import ValidationError

        from koers.signals.cases.services import case_hand_over

        with pytest.raises(ValidationError, match="ondersteunt dit dossier al"):
            case_hand_over(
                actor=world.users["directeur"], case=case, supporter=world.users["medewerker"]
            )
        case.closed_on = dt.date(2021, 4, 1)
        case.outcome = "opgelost"
        case.save()
        with pytest.raises(ValidationError, match="wordt niet overgedragen"):
            case_hand_over(
                actor=world.users["directeur"], case=case, supporter=self.a_colleague(world)
            )
        assert "/overdragen/" not in world.client("directeur").get(case_url(case)).content.decode()
        case.refresh_from_db()
        assert case.supporter == world.users["medewerker"]


class TestContacts:
    def test_a_contact_is_added_from_the_cases_page(self, world: Any, case: Case) -> None:
        done = world.client("medewerker").post(
            case_url(case, "contact/"),
            {"on": "2021-03-02", "minutes": "45", "form": "huisbezoek", "note": ""},
        )
        assert done.status_code == 302
        contact = CaseContact.objects.get()
        assert (contact.on, contact.minutes, contact.form) == (
            dt.date(2021, 3, 2),
            45,
            "huisbezoek",
        )

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"on": "2021-02-01"}, "Het dossier is na deze datum geopend."),
            ({"minutes": "0"}, "Een contact duurt minstens een minuut."),
            ({"minutes": "601"}, "Een contact duurt hoogstens 600 minuten"),
        ],
    )
    def test_a_refused_contact_shows_the_case_page_again_with_the_reason(
        self, world: Any, case: Case, changes: dict[str, str], message: str
    ) -> None:
        data = {"on": "2021-03-02", "minutes": "45", "form": "telefoon", "note": "", **changes}
        refused = world.client("medewerker").post(case_url(case, "contact/"), data)
        assert refused.status_code == 400
        body = refused.content.decode()
        assert message in body
        assert "error-summary" in body
        assert not CaseContact.objects.exists()

    def test_a_closed_case_takes_no_contact(self, world: Any, case: Case) -> None:
        Case.objects.filter(pk=case.pk).update(closed_on=dt.date(2021, 3, 31), outcome="opgelost")
        refused = world.client("medewerker").post(
            case_url(case, "contact/"),
            {"on": "2021-03-02", "minutes": "45", "form": "telefoon", "note": ""},
        )
        assert refused.status_code == 400
        assert (
            "Dit dossier is afgesloten: er kan geen contact meer bij." in refused.content.decode()
        )
        assert not CaseContact.objects.exists()

    def test_a_get_is_not_allowed(self, world: Any, case: Case) -> None:
        assert world.client("medewerker").get(case_url(case, "contact/")).status_code == 405


class TestRaisingASignal:
    def test_the_signal_is_scrubbed_prefilled_and_linked_to_the_case_only(
        self, world: Any, case: Case
    ) -> None:
        client = world.client("medewerker")
        form = client.get(case_url(case, "signaal/")).context["form"]
        assert form.initial["law"] == "wlz"
        assert form.initial["municipality"] == case.client.municipality_id
        done = client.post(
            case_url(case, "signaal/"),
            {
                "received_on": "2021-03-03",
                "law": "wlz",
                "category": "",
                "target_group": "ouderen",
                "municipality": str(case.client.municipality_id),
                "sentiment": "negatief",
                "description": (
                    "Mevrouw Jansen uit Lelystad belde op 06-12345678: ze wacht al een jaar "
                    "op een plek in het verpleeghuis."
                ),
            },
        )
        assert done.status_code == 302
        signal = Signal.objects.get()
        assert signal.channel == "oco"
        assert (signal.iso_year, signal.iso_week) == (2021, 9)
        assert "Jansen" not in signal.description
        assert "06-12345678" not in signal.description
        assert "verpleeghuis" in signal.description
        assert list(case.raised_signals.all()) == [signal]
        assert AuditEntry.objects.filter(action="case.signal_raised").count() == 1

    def test_a_refused_signal_saves_nothing(self, world: Any, case: Case) -> None:
        refused = world.client("medewerker").post(
            case_url(case, "signaal/"),
            {
                "received_on": "2999-03-03",
                "law": "wlz",
                "municipality": str(case.client.municipality_id),
                "sentiment": "negatief",
                "description": "Lange wachtlijst.",
            },
        )
        assert refused.status_code == 400
        assert not Signal.objects.exists()
        assert not case.raised_signals.exists()


def test_a_programme_of_another_plan_does_not_widen_the_coordinators_reach(
    world: Any, case: Case
) -> None:
    foreign = CaseFactory(
        holder=world.other_org,
        case_type=CaseTypeFactory(
            holder=world.other_org, activity=ActivityFactory(programme=ProgrammeFactory())
        ),
        supporter=world.users["outsider"],
    )
    assert world.client("programmacoordinator").get(case_url(foreign)).status_code == 404
    assert world.client("directeur").get(case_url(foreign)).status_code == 404
    assert sorted(logged(AccessAction.REFUSED, foreign)) == [
        ("directeur", ""),
        ("programmacoordinator", ""),
    ]


@pytest.mark.parametrize("count", [10, 200])
def test_the_case_page_keeps_its_query_count(
    world: Any, case: Case, django_assert_max_num_queries: Any, count: int
) -> None:
    CaseContact.objects.bulk_create(
        CaseContact(case=case, on=dt.date(2021, 3, 2), minutes=20, form="telefoon")
        for _ in range(count)
    )
    from tests.signals.factories import SignalFactory

    for _ in range(count // 10):
        case.raised_signals.add(SignalFactory(holder=world.own))
    client = world.client("medewerker")
    with django_assert_max_num_queries(16):
        page = client.get(case_url(case))
    assert len(page.context["contacts"]) == count
    assert page.context["contact_minutes"] == 20 * count
    assert len(page.context["signals"]) == count // 10
