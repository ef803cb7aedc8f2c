"""Signals to analyse, shared by the analysis's tests: one theme clearly rising in the last
quarter (2021 K4), one steady, one with a small count in one quarter, and signals not yet
interpreted — spread over municipalities, laws and channels as real signals are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from koers.signals.weeks import IsoWeek
from tests.signals.factories import CategoryFactory, flevoland, signals_in

# A week in each quarter from 2020 K4 to 2021 K4.
WEEKS = {
    "2020-4": IsoWeek(2020, 46),
    "2021-1": IsoWeek(2021, 7),
    "2021-2": IsoWeek(2021, 20),
    "2021-3": IsoWeek(2021, 33),
    "2021-4": IsoWeek(2021, 46),
}
LAST = "?tot=2021-4&kwartalen=4"


@dataclass
class Data:
    holder: Any
    rising: Any
    steady: Any
    small: Any
    almere: Any
    lelystad: Any
    dronten: Any


def analysis_data(holder: Any, *, rising_last: int = 30) -> Data:
    """Per quarter: Wachtlijsten 6 + 4 (sub-category) in Almere, 5 in Lelystad (Wmo), and in
    2021 K4 `rising_last` in Almere instead; Mantelzorg 8 in Lelystad (ExpEx) and 6 in
    Dronten; Eenzaamheid 7 in Dronten, and 3 in Almere in 2021 K2 only; 6 not interpreted in
    Almere (Wmo) in 2021 K4."""
    almere = flevoland("GM0034", "Almere")
    lelystad = flevoland("GM0995", "Lelystad")
    dronten = flevoland("GM0303", "Dronten")
    rising = CategoryFactory(holder=holder, name="Wachtlijsten", position=1)
    steady = CategoryFactory(holder=holder, name="Mantelzorg", position=2)
    small = CategoryFactory(holder=holder, name="Eenzaamheid", position=3)
    sub = CategoryFactory(holder=holder, name="Verpleeghuis", parent=rising)
    for quarter, week in WEEKS.items():
        last = quarter == "2021-4"
        signals_in(
            holder, rising_last if last else 6, week=week, category=rising, municipality=almere
        )
        signals_in(holder, 0 if last else 4, week=week, category=sub, municipality=almere)
        signals_in(holder, 5, week=week, category=rising, municipality=lelystad, law="wmo")
        signals_in(holder, 8, week=week, category=steady, municipality=lelystad, channel="expex")
        signals_in(holder, 6, week=week, category=steady, municipality=dronten)
        signals_in(holder, 7, week=week, category=small, municipality=dronten, law="zvw")
    signals_in(holder, 3, week=WEEKS["2021-2"], category=small, municipality=almere)
    signals_in(holder, 6, week=WEEKS["2021-4"], municipality=almere, law="wmo")
    return Data(holder, rising, steady, small, almere, lelystad, dronten)
