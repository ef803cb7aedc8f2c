"""A small labelled set of Dutch signals for the classifier's tests: four main categories,
two with sub-categories, texts composed from phrases of their theme and neutral phrases
every theme shares (so the model has to find the theme, not the sentence shape), and a
separate set of hand-written sentences it never saw, to measure accuracy on."""

from __future__ import annotations

import random
from typing import Any

OPENERS = [
    "Mevrouw belde naar de adviseslijn.",
    "Tijdens het gesprek vertelde meneer het volgende.",
    "Een inwoner uit Almere meldde zich.",
    "In Lelystad kwam dit ter sprake bij de cliëntenraad.",
    "De cliëntondersteuner hoorde dit in een huisbezoek.",
    "Op de bijeenkomst in Dronten zei iemand:",
    "Via het formulier kwam dit binnen.",
    "Een ervaringsdeskundige gaf dit door.",
]
CLOSERS = [
    "Zij vraagt wat zij nu kan doen.",
    "Hij is hier erg ontevreden over.",
    "Dit speelt al een paar maanden.",
    "De gemeente is hierover gebeld.",
    "Zij wil graag dat er iets verandert.",
    "Het gesprek duurde een half uur.",
]
# (main category, sub-category or None) -> phrases of that theme.
THEMES: dict[tuple[str, str | None], list[str]] = {
    ("Wachtlijsten", "Verpleeghuis"): [
        "Haar moeder staat al maanden op de wachtlijst voor een verpleeghuis.",
        "Er is geen plek in het verpleeghuis in de buurt.",
        "De wachttijd voor een verpleeghuisplaats is meer dan een jaar.",
        "Het verpleeghuis heeft een opnamestop en een lange wachtlijst.",
        "Vader wacht thuis op een plaats in het verpleeghuis.",
    ],
    ("Wachtlijsten", "GGZ"): [
        "De wachtlijst bij de ggz is negen maanden.",
        "Hij wacht al lang op behandeling bij de ggz.",
        "Voor de psycholoog is een wachttijd van een half jaar.",
        "De ggz-instelling neemt geen nieuwe cliënten aan, er is een wachtlijst.",
        "Haar dochter staat op de wachtlijst voor psychische hulp.",
    ],
    ("Eenzaamheid", None): [
        "Meneer voelt zich eenzaam sinds zijn vrouw is overleden.",
        "Zij heeft niemand om mee te praten en krijgt nooit bezoek.",
        "Hij zit de hele dag alleen thuis en mist sociaal contact.",
        "Sinds de buurthuis dicht is ziet zij niemand meer.",
        "Mevrouw is erg alleen, haar kinderen wonen ver weg.",
        "Hij zou graag vrienden maken maar durft niet naar activiteiten.",
    ],
    ("Mantelzorg", "Respijtzorg"): [
        "De mantelzorger is overbelast en heeft respijtzorg nodig.",
        "Er is geen logeeropvang zodat de mantelzorger even rust krijgt.",
        "Zij zoekt vervangende zorg om zelf op vakantie te kunnen.",
        "De dagbesteding voor ontlasting van de mantelzorger is vol.",
    ],
    ("Mantelzorg", None): [
        "Zij zorgt al jaren voor haar man en is uitgeput.",
        "De mantelzorger krijgt geen erkenning van de gemeente.",
        "Hij combineert werk met de zorg voor zijn moeder en houdt het niet vol.",
        "Mantelzorgers weten niet waar zij steun kunnen vragen.",
        "De zorg voor haar zieke partner kost al haar energie.",
    ],
    ("Toegang tot zorg", "Indicatie"): [
        "De aanvraag voor een Wlz-indicatie bij het CIZ duurt erg lang.",
        "Het CIZ wees de indicatie af zonder uitleg.",
        "Hij begrijpt het indicatiebesluit niet en wil bezwaar maken.",
        "De herindicatie werd te laat afgegeven.",
    ],
    ("Toegang tot zorg", None): [
        "Zij weet niet bij welk loket zij hulp kan aanvragen.",
        "Het Wmo-loket van de gemeente is slecht bereikbaar.",
        "De huisarts verwijst door maar niemand neemt de aanvraag in behandeling.",
        "Het keukentafelgesprek werd steeds uitgesteld.",
        "De aanvraag voor huishoudelijke hulp bij de gemeente werd afgewezen.",
    ],
}

# Sentences the model never saw, each with its main category.
UNSEEN: list[tuple[str, str]] = [
    ("Oma staat op de wachtlijst en er is nergens een plek in een verpleeghuis.", "Wachtlijsten"),
    ("Na een half jaar wachten is er nog steeds geen behandeling bij de ggz.", "Wachtlijsten"),
    ("De wachttijd voor hulp is veel te lang.", "Wachtlijsten"),
    ("Meneer is eenzaam en krijgt geen bezoek meer.", "Eenzaamheid"),
    ("Zij heeft geen sociaal contact en zit altijd alleen.", "Eenzaamheid"),
    ("Hij mist zijn vrienden en voelt zich alleen.", "Eenzaamheid"),
    ("De mantelzorger is uitgeput en kan de zorg niet meer aan.", "Mantelzorg"),
    ("Er is geen respijtzorg, dus de mantelzorger krijgt nooit rust.", "Mantelzorg"),
    ("Zij zorgt voor haar moeder naast haar werk en is overbelast.", "Mantelzorg"),
    ("Het CIZ doet lang over de indicatie.", "Toegang tot zorg"),
    ("Het loket van de gemeente neemt de aanvraag niet in behandeling.", "Toegang tot zorg"),
    ("De Wmo-aanvraag werd afgewezen en zij weet niet waar zij heen moet.", "Toegang tot zorg"),
]

# The accuracy on UNSEEN the classifier must at least reach (10 of 12).
ACCURACY_FLOOR = 0.8


def labelled_texts(per_theme: int = 14, seed: int = 7) -> list[tuple[str, str, str | None]]:
    """(text, main, sub) triples: `per_theme` texts per (main, sub) pair of THEMES."""
    rng = random.Random(seed)
    found = []
    for (main, sub), phrases in THEMES.items():
        for _n in range(per_theme):
            body = " ".join(rng.sample(phrases, 2))
            found.append((f"{rng.choice(OPENERS)} {body} {rng.choice(CLOSERS)}", main, sub))
    return found


def labelled_signals(holder: Any, per_theme: int = 14) -> dict[str, Any]:
    """The labelled set as interpreted signals of `holder`, with its categories (returned
    by name; sub-categories as "Main › Sub")."""
    from django.utils import timezone

    from tests.signals.factories import CategoryFactory, SignalFactory

    categories: dict[str, Any] = {}
    for main, sub in THEMES:
        if main not in categories:
            categories[main] = CategoryFactory(holder=holder, name=main)
        if sub is not None:
            categories[f"{main} › {sub}"] = CategoryFactory(
                holder=holder, name=sub, parent=categories[main]
            )
    now = timezone.now()
    for text, main, sub in labelled_texts(per_theme):
        SignalFactory(
            holder=holder,
            description=text,
            category=categories[f"{main} › {sub}" if sub else main],
            interpreted_at=now,
        )
    return categories
