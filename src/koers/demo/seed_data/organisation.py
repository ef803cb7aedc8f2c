"""Organisation-wide indicators of the multi-year plan."""

from decimal import Decimal
from typing import Any

# Multi-year / organisation-wide indicators from the Meerjarenplan 5.2 (001 r. 1636-1672)
ORGANISATION_INDICATORS: list[dict[str, Any]] = [
    {
        "title": "Directe uren",
        "unit": "hours",
        "aggregation": "sum",
        "baseline": Decimal("18117"),
        "targets": {
            2021: Decimal("20258"),
            2022: Decimal("21013"),
            2023: Decimal("22374"),
            2024: Decimal("24173"),
        },
    },
    {
        "title": "Aandeel directe uren",
        "unit": "percentage",
        "aggregation": "latest",
        "baseline": Decimal("64"),
        "targets": {
            2021: Decimal("74"),
            2022: Decimal("77"),
            2023: Decimal("78"),
            2024: Decimal("80"),
        },
    },
]
