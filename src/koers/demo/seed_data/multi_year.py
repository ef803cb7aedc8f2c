"""The multi-year plan's results per line: seed 001, chapter 3 (Arbeidsmarkt en Onderwijs),
the tables "Termijn | Activiteit | Resultaat" (r. 1017-1400), as the seed words them.

`code` is the 2021 activity that carries the result out where the annual plan 2021 does
so in the seed's own words (its indicators or outcome repeat the result); the results for
2022-2024 that no 2021 activity carries out get a code of their own ("AO-1.M1"), under
which drafting the 2022 plan adds them. The short titles are ours, taken from the texts.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

PROGRAMME = "AO"


def _result(
    line: str,
    years: tuple[int, int],
    title: str,
    activity: str,
    result: str,
    *,
    code: str = "",
    theme: str = "",
    source: str,
    role: str = "ontwikkeling_beleid_praktijk",
    phase: str = "doorontwikkelen",
) -> dict[str, Any]:
    return {
        "line": line,
        "start_year": years[0],
        "end_year": years[1],
        "title": title,
        "activity_text": activity,
        "result_text": result,
        "code": code,
        "theme": theme,
        "source": source,
        "role": role,
        "phase": phase,
    }


EARLY = (2020, 2021)
LATER = (2022, 2024)

RESULTS: list[dict[str, Any]] = [
    # 3.1 Het ontwikkelen van Human Capital Agenda - Zorg en Welzijn Flevoland (r. 1017-1063)
    _result(
        "AO-1",
        EARLY,
        "Coalition of the willing voor de Human Capital Agenda",
        "Creëren van een coalition of the willing (overheid, onderwijs, werkgevers) om te "
        "starten met de Human Capital Agenda, bestaande uit o.a. betrokkenen van RAAT "
        "Flevoland.",
        "Sterk bestuurlijk samenwerkingsverband dat gezamenlijk werkt aan / stuurt op het "
        "realiseren van de opgave, doelen en aanpak.",
        source="001 MJP 3.1, r. 1019-1029",
        role="gesprek_verbinding",
    ),
    _result(
        "AO-1",
        EARLY,
        "Meerjarige Human Capital Agenda opstellen",
        "Het ontwikkelen en opstellen van een Human Capital Agenda met concrete, meerjarige, "
        "afspraken tussen overheid, werkgevers en onderwijsinstellingen.",
        "Meerjarige HCA ZWF waarin concrete ambities, doelen, activiteiten en mijlpalen "
        "worden afgesproken door de partners.",
        source="001 MJP 3.1, r. 1031-1039",
    ),
    _result(
        "AO-1",
        EARLY,
        "Regionale pilots verbinden en volgen",
        "Het verbinden en volgen van regionale pilots en initiatieven die mogelijk aansluiting "
        "vinden bij de Human Capital Agenda zoals de pilot academische verpleeg(t)huiszorg en "
        "fieldlab 2.0 ‘Zorg in de Wijk van de 21e eeuw.",
        "Detecteren van goede werkwijzen, aanpakken en experimenten gericht op de "
        "toekomstbestendige zorg en welzijn. Kennis ontwikkelen en delen in de praktijk.",
        source="001 MJP 3.1, r. 1040-1052",
        role="trends_analyse",
    ),
    _result(
        "AO-1",
        EARLY,
        "Uitvoeringsstrategie Human Capital Agenda 2021",
        "Formuleren van een uitvoeringsstrategie voor de Human Capital Agenda voor 2021.",
        "Vertaalslag van de agenda naar een uitvoeringsstrategie (met organisatie).",
        source="001 MJP 3.1, r. 1054-1058",
    ),
    _result(
        "AO-1",
        LATER,
        "Partnerschap Human Capital Agenda versterken",
        "Versterken partnerschap door uitbreiding partijen. Borgen van doelen HCA en "
        "voortbouwen op de uitvoering.",
        "Bestendigen van de meerjarige ambities, uitbreiden partnerschap en versterken van "
        "draagvlak in Flevoland.",
        code="AO-1.M1",
        source="001 MJP 3.1, r. 1059-1065",
        role="gesprek_verbinding",
    ),
    # 3.2 Het ontwikkelen van een regionale Human Capital Pool (r. 1102-1150)
    _result(
        "AO-2",
        EARLY,
        "Samenwerking in de pilot Human Capital Pool",
        "De samenwerking van werkgevers, onderwijs en sociale partners binnen de pilot Human "
        "Capital Pool gericht op het opleiden en begeleiden nieuwe zij-instroom (werk naar "
        "werk-trajecten).",
        "5 werkgevers, 2 onderwijsinstellingen en 2 partijen van de sociale partners verbinden "
        "zich aan de pilot en helpen mee bij de opstart.",
        code="AO-2.1",
        source="001 MJP 3.2, r. 1104-1114",
        role="gesprek_verbinding",
    ),
    _result(
        "AO-2",
        EARLY,
        "Activiteitenplan pilot Human Capital Pool",
        "Het opstellen en uitvoeren van een activiteitenplan voor de Pilot Human Capital Pool "
        "vanuit het samenwerkingsverband.",
        "Een activiteitenplan voor de pilot Human Capital Pool.",
        code="AO-2.1",
        source="001 MJP 3.2, r. 1116-1122",
    ),
    _result(
        "AO-2",
        EARLY,
        "Regionaal dashboard zorg en welzijn",
        "Regionaal dashboard zorg en welzijn ontwikkelen om de regionale strategische "
        "personeelsplanning te kunnen onderbouwen met data.",
        "Inzicht en overzicht in arbeidsmarkt vertrekkende vanuit: 1) instroom, 2) doorstroom, "
        "3) werk en behoud en 4) uitstroom.",
        source="001 MJP 3.2, r. 1124-1132",
        role="trends_analyse",
    ),
    _result(
        "AO-2",
        LATER,
        "Human Capital Pool naar een skills-benadering",
        "Aanpak vertalen van de Human Capital Pool naar een skills benadering (inclusief "
        "flexibilisering in het onderwijs en functiegebouw) en regionale initiatieven te "
        "bundelen onder ‘één dak’.",
        "Aanpak verrijken met instrumentarium / methodiek voor skills ontwikkeling in zorg en "
        "welzijn. Digitaal en fysiek binnen een makel en schakelpunt (transfercentrum).",
        code="AO-2.M1",
        source="001 MJP 3.2, r. 1133-1143",
    ),
    _result(
        "AO-2",
        LATER,
        "Regionale strategische personeelsplanning",
        "Voeren van een regionale strategische personeelsplanning, om tijdig te kunnen zorgen "
        "voor balans in vraag en aanbod van personeel in de sector.",
        "Regionale personeelsplanning van Flevoland.",
        code="AO-2.M2",
        source="001 MJP 3.2, r. 1145-1150",
        role="trends_analyse",
    ),
    # 3.3 Het continueren en versterken van de basisdienstverlening (r. 1174-1400)
    _result(
        "AO-3",
        EARLY,
        "Eenduidige arbeidsmarktcommunicatie",
        "Het vormgeven van een eenduidige arbeidsmarktcommunicatie aanpak die aansprekend is "
        "voor de verschillende doelgroepen, het imago van de beroepsgroepen verbetert en de "
        "aantrekkelijkheid van de regio zichtbaar maakt door o.a. aan te sluiten bij Flevoland "
        "Branding.",
        "Bereik van 150 werkgevers, 1.500 werkenden en 1.000 werkzoekenden via een "
        "arbeidsmarkt activeringstrategie. Jaarlijks worden deze aantallen gevolgd en "
        "bijgesteld.",
        code="AO-3.7",
        theme="Kiezen en toeleiden",
        source="001 MJP 3.3, r. 1187-1207",
        role="gesprek_verbinding",
        phase="versterken",
    ),
    _result(
        "AO-3",
        LATER,
        "Eerlijk en aantrekkelijk beeld van de sector",
        "Een eerlijk en aantrekkelijk beeld van de sector schetsen bij belangstellenden. "
        "Geïnteresseerden op weg helpen en waar van toepassing toeleiden naar een baan in zorg "
        "en welzijn.",
        "Versterking imago en beeldvorming van zorg en welzijn, gericht op instroom, "
        "doorstroom en behoud van mensen.",
        # The annual plan 2021's AO-3.7 already promises "een eerlijk en aantrekkelijk beeld".
        code="AO-3.7",
        theme="Kiezen en toeleiden",
        source="001 MJP 3.3, r. 1208-1216",
        role="gesprek_verbinding",
        phase="versterken",
    ),
    _result(
        "AO-3",
        EARLY,
        "Netwerk Leren en Opleiden",
        "Het verkennen en starten van een netwerk Leren en Opleiden blijft hierin van belang. "
        "Het netwerk staat voor de uitdaging om te komen tot een structuur waarin mensen snel "
        "kunnen instromen en het huidig zorgpersoneel scholing kan volgen.",
        "Continueren en versterken netwerk Leren en Opleiden.",
        code="AO-3.8",
        theme="Leren en opleiden",
        source="001 MJP 3.3, r. 1237-1249",
        role="gesprek_verbinding",
        phase="versterken",
    ),
    _result(
        "AO-3",
        EARLY,
        "Verkenning digitale innovatie",
        "De impact van digitale innovatie in de sector, op dit moment en op langere termijn, "
        "vraagt om meer verdieping. Een verkenning naar digitale innovatie is nodig om hier "
        "gericht op in te spelen en om een passend aanbod te ontwikkelen.",
        "Adviesnotitie digitale innovatie in Zorg en Welzijn alsmede ontwikkelen van "
        "bouwstenen voor passend aanbod, aansluitend bij de vraag van werkgevers en "
        "werknemers.",
        code="AO-3.11",
        theme="Leren en opleiden",
        source="001 MJP 3.3, r. 1251-1265",
        role="trends_analyse",
    ),
    _result(
        "AO-3",
        LATER,
        "Strategisch opleidingsplan",
        "Het realiseren van een strategisch opleidingsplan, aansluitend bij de regionale "
        "personeelsplanning, met een flexibel en op maat geïntegreerd opleidingsaanbod dat "
        "leidt tot voldoende en goed opgeleide (nieuwe) medewerkers.",
        "Strategisch opleidingsplan met draagvlak van werkgevers en onderwijsinstellingen.",
        code="AO-3.M1",
        theme="Leren en opleiden",
        source="001 MJP 3.3, r. 1266-1276",
    ),
    _result(
        "AO-3",
        LATER,
        "Netwerk van zorg, welzijn en onderwijs",
        "Een stevig netwerk tussen zorg- en welzijnsorganisaties en het onderwijs (mbo en "
        "hbo), zodat onderwijs in gezamenlijkheid vormgegeven kan worden.",
        "Netwerk van onderwijsinstellingen gericht op ontwikkelpaden en doorlopende leerlijnen "
        "in de zorg en welzijn.",
        # The network Leren en Opleiden (AO-3.8) with mbo and hbo institutions.
        code="AO-3.8",
        theme="Leren en opleiden",
        source="001 MJP 3.3, r. 1278-1286",
        role="gesprek_verbinding",
        phase="versterken",
    ),
    _result(
        "AO-3",
        EARLY,
        "Train-de-trainer aanbod",
        "Het is belangrijk dat medewerkers gezond en duurzaam inzetbaar zijn en worden "
        "behouden voor de sector. Het ontwikkelen van een aantrekkelijk aanbod gericht op het "
        "trainen van zorgprofessionals om metaal en fysiek fit te blijven.",
        "Train-de-trainer aanbod voor zorgprofessionals.",
        code="AO-3.13",
        theme="Werken en behoud",
        source="001 MJP 3.3, r. 1316-1328",
    ),
    _result(
        "AO-3",
        EARLY,
        "Pilots vitaliteit volgen en opschalen",
        "Het volgen en opschalen van pilots vanuit bijvoorbeeld de ontwikkelgelden gericht op "
        "vitaliteit, Positieve Gezondheid.",
        "Ophalen van hetgeen wat werkt vanuit de pilots, ontwikkeling van tenminste 2 "
        "praktische handreikingen en verspreiden van goede voorbeelden onder de leden.",
        code="AO-3.14",
        theme="Werken en behoud",
        source="001 MJP 3.3, r. 1330-1340",
    ),
    _result(
        "AO-3",
        LATER,
        "Benefitprogramma voor werkgevers",
        "Een benefitprogramma voor werkgevers ten aanzien van aantrekkelijk werkgever- en "
        "werknemerschap.",
        "Aantrekkelijker werkgeverschap – werknemerschap met bijbehorend benefit programma "
        "voor alle betrokkenen.",
        code="AO-3.M2",
        theme="Werken en behoud",
        source="001 MJP 3.3, r. 1341-1348",
        phase="nieuw",
    ),
    _result(
        "AO-3",
        EARLY,
        "Netwerk van welzijnsorganisaties",
        "Oprichten van netwerk van welzijnsorganisaties.",
        "Versterking van de samenwerking van welzijnsorganisaties in een netwerk met een "
        "eigen inhoudelijke agenda.",
        theme="Netwerkbeheer",
        source="001 MJP 3.3, r. 1372-1378",
        role="gesprek_verbinding",
    ),
    _result(
        "AO-3",
        EARLY,
        "Bestaande netwerken versterken",
        "Het versterken en onderhouden van bestaande netwerken: bestuurders, HR managers, "
        "opleiders en recruiters. Gekoppeld aan het verbinden van de Flevoland branding – "
        "sterke profilering vanuit de provincie. Behoud van zorg- en welzijn talent.",
        "Versterking netwerken door aantrekkelijk kennisprogramma voor bestuurders, HR, "
        "opleiders en recruiters.",
        theme="Netwerkbeheer",
        source="001 MJP 3.3, r. 1380-1392",
        role="gesprek_verbinding",
        phase="versterken",
    ),
    _result(
        "AO-3",
        LATER,
        "Groei van de werkgeversorganisatie",
        "Jaarlijkse toename van nieuwe leden bij de werkgeversorganisatie.",
        "Versterking van werkgeversorganisatie.",
        code="AO-3.M3",
        theme="Netwerkbeheer",
        source="001 MJP 3.3, r. 1393-1396",
        role="gesprek_verbinding",
        phase="versterken",
    ),
]

# The multi-year reach of 3.3 Kiezen en toeleiden (r. 1197-1207), which the annual plan
# 2021 takes up as AO-3.7's indicators without a yearly value.
REACH_RESULT = "Eenduidige arbeidsmarktcommunicatie"
REACH_TARGETS: list[dict[str, Any]] = [
    {
        "title": "Bereik werkgevers (arbeidsmarkt activeringstrategie)",
        "value": Decimal(150),
        "start_year": 2020,
        "end_year": 2021,
    },
    {
        "title": "Bereik werkenden (arbeidsmarkt activeringstrategie)",
        "value": Decimal(1500),
        "start_year": 2020,
        "end_year": 2021,
    },
    {
        "title": "Bereik werkzoekenden (arbeidsmarkt activeringstrategie)",
        "value": Decimal(1000),
        "start_year": 2020,
        "end_year": 2021,
    },
]

# Example data (the seeds give no figure): the reach the registration counted in 2021, per
# month from July (when the demo's registration starts, after the Q2 report was sent) up to
# the demo's reference date.
REACH_EXAMPLE_2021: dict[str, dict[int, int]] = {
    "Bereik werkgevers (arbeidsmarkt activeringstrategie)": {7: 18, 8: 22, 9: 25, 10: 20},
    "Bereik werkenden (arbeidsmarkt activeringstrategie)": {7: 210, 8: 260, 9: 280, 10: 190},
    "Bereik werkzoekenden (arbeidsmarkt activeringstrategie)": {7: 150, 8: 170, 9: 190, 10: 120},
}

# Example data: a go/no-go the seed leaves open ("In mei 2021 ... besluiten we of we
# doorgaan", JP2021 r. 4292-4403), decided here so that the 2022 draft leaves one out.
EXAMPLE_NO_GO_DATE = dt.date(2021, 5, 31)
EXAMPLE_NO_GO: dict[str, str] = {
    "code": "VI-2.4",
    "programme": "VI",
    "reason": (
        "Voorbeeld: na het onderzoek gaat CMO niet door met individuele "
        "cliëntondersteuning; een andere partij neemt de OCO WLZ-taken per 2022 over, met "
        "afspraken om regionale informatie beschikbaar te stellen."
    ),
}
