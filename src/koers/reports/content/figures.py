"""The figures of a report's content, flattened so two contents of one report compare."""

from __future__ import annotations

from typing import Any


def values_of(sections: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The period values of the sections' own indicators (as `period_values` gives them)."""
    return {
        str(item["id"]): {
            "realised": item["realised"],
            "expected": item["expected"],
            "status_label": item["status_label"],
            "by_municipality": item["by_municipality"],
        }
        for section in sections
        for line in section["lines"]
        for activity in line["activities"]
        for item in activity["outputs"] + activity["outcomes"]
    }


def figures_of(content: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every figure of a content, keyed so two contents of the same report compare:
    indicators by id, activities' hours, programmes' money."""
    found: dict[str, dict[str, Any]] = {}
    for section in content.get("programmes", []):
        for line in section["lines"]:
            for activity in line["activities"]:
                found[f"activity:{activity['id']}"] = {
                    "label": f"{activity['code']} {activity['title']}",
                    "hours": activity["hours"],
                    "narrative": activity["narrative"],
                }
                for item in activity["outputs"] + activity["outcomes"]:
                    found[f"indicator:{item['id']}"] = {
                        "label": f"{activity['code']} {item['title']}",
                        "target": item["target"],
                        "agreed_target": item["agreed_target"],
                        "realised": item["realised"],
                        "status": item["shown_status_label"],
                    }
        if section.get("budget"):
            money = section["budget"]
            found[f"programme:{section['id']}"] = {
                "label": section["name"],
                "cost_planned": money["cost_planned"],
                "cost_realised": money["cost_realised"],
                "income_realised": money["income_realised"],
            }
    return found
