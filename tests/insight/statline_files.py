"""StatLine tables as the tests need them, written the way CBS writes them: an OData download
folder (`cbsodata.download_data`) and a CSV export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.directory.factories import MunicipalityFactory

TABLE_ID = "03759ned"
TITLE = "Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio"
FLEVOLAND = {
    "GM0034": "Almere",
    "GM0303": "Dronten",
    "GM0995": "Lelystad",
    "GM0171": "Noordoostpolder",
    "GM0184": "Urk",
    "GM0050": "Zeewolde",
}


def six_municipalities() -> None:
    for code, name in FLEVOLAND.items():
        MunicipalityFactory(code=code, name=name, slug=name.lower(), province_code="PV24")


def odata_folder(
    folder: Path,
    rows: list[dict[str, Any]],
    *,
    periods: dict[str, str] | None = None,
    typed: bool = True,
    ages: dict[str, str] | None = None,
    table_id: str = TABLE_ID,
    leave_out: tuple[str, ...] = (),
) -> Path:
    """A download folder: TableInfos, DataProperties, the dimension files and the rows.
    `periods`: code → status ("Definitief", "Voorlopig"); `ages` adds a third dimension."""
    folder.mkdir(parents=True, exist_ok=True)
    periods = periods or {"2020JJ00": "Definitief", "2021JJ00": "Voorlopig"}
    regions = sorted({str(row["RegioS"]) for row in rows})
    properties: list[dict[str, Any]] = [
        {
            "odata.type": "Cbs.OData.Dimension",
            "ID": 0,
            "Position": 0,
            "Type": "Dimension",
            "Key": "Leeftijd",
            "Title": "Leeftijd",
        }
        if ages
        else None,
        {"ID": 1, "Position": 1, "Type": "GeoDimension", "Key": "RegioS", "Title": "Regio's"},
        {"ID": 2, "Position": 2, "Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden"},
        {"ID": 3, "Position": 3, "Type": "TopicGroup", "Key": "", "Title": "Bevolking"},
        {
            "ID": 4,
            "Position": 4,
            "Type": "Topic",
            "Key": "BevolkingOp1Januari_1",
            "Title": "Bevolking op 1 januari",
            "Unit": "aantal",
            "Decimals": 0,
            "Description": "Het aantal inwoners op 1 januari.",
        },
        {
            "ID": 5,
            "Position": 5,
            "Type": "Topic",
            "Key": "Mannen_2",
            "Title": "Mannen",
            "Unit": "aantal",
            "Decimals": 0,
        },
    ]
    parts: dict[str, Any] = {
        "TableInfos": [
            {
                "ID": 1,
                "Title": TITLE,
                "ShortTitle": "Bevolking; regio",
                "Identifier": table_id,
                "Summary": "Bevolking naar regio",
                "Modified": "2024-06-28T02:00:00",
                "Period": "1988-2021",
                "ShortDescription": "Inwoners per gemeente.",
                "Language": "nl",
                "Catalog": "CBS",
                "Frequency": "Perjaar",
            }
        ],
        "DataProperties": [prop for prop in properties if prop],
        "RegioS": [
            {"Key": f"{code:<10}", "Title": code, "Description": None, "CategoryGroupID": None}
            for code in regions
        ],
        "Perioden": [
            {"Key": code, "Title": code[:4], "Description": None, "Status": status}
            for code, status in periods.items()
        ],
        "TypedDataSet" if typed else "UntypedDataSet": rows,
        "CategoryGroups": [],
    }
    if ages:
        parts["Leeftijd"] = [{"Key": key, "Title": title} for key, title in ages.items()]
    for name, data in parts.items():
        if name not in leave_out:
            (folder / f"{name}.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    return folder


def row(region: str, period: str, inhabitants: Any, men: Any = 100, **extra: Any) -> dict[str, Any]:
    """A row as TypedDataSet writes it: codes padded with spaces."""
    return {
        "ID": 0,
        "RegioS": f"{region:<10}",
        "Perioden": period,
        "BevolkingOp1Januari_1": inhabitants,
        "Mannen_2": men,
        **extra,
    }


def csv_export(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8-sig")
    return path
