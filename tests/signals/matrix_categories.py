"""The permission matrix's rows of signals' categories part (added to ROWS).

Staff with VIEW_SIGNALS see their organisation's tree; those who manage signals (director,
coordinator) keep it. The director of another organisation keeps her own tree, and gets
404 on this organisation's categories."""

from __future__ import annotations

from typing import Any

from tests.signals.matrix_agenda import MANAGER_WRITES, MANAGERS, MANAGERS_OWN, VIEWERS


def a_category(world: Any) -> Any:
    from tests.signals.factories import CategoryFactory

    return CategoryFactory(holder=world.own, name="Wachtlijsten")


def rows(Row: Any) -> list[Any]:
    return [
        Row("signals:categories", "Categorieën van signalen (de boom)", expected=VIEWERS),
        Row("signals:category_add", "Categorie toevoegen", expected=MANAGERS),
        Row(
            "signals:category_edit",
            "Categorie hernoemen, verplaatsen of buiten gebruik stellen",
            target=a_category,
            expected=MANAGERS_OWN,
        ),
        Row(
            "signals:categories_seed",
            "De voorgestelde thema's aan de boom toevoegen (eigen organisatie)",
            method="POST",
            expected=MANAGER_WRITES,
        ),
    ]
