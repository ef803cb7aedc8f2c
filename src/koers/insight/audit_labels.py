"""What the audit log calls the writes of insight."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "dataset.imported": _("Statistics dataset imported"),
    "key_figure.created": _("Key figure chosen for the dashboards"),
    "key_figure.changed": _("Key figure changed"),
    "key_figure.removed": _("Key figure taken off the dashboards"),
    "figure_note.written": _("Note on a figure written"),
    "figure_note.removed": _("Note on a figure removed"),
    "research_project.created": _("Research project registered"),
    "research_project.changed": _("Research project changed"),
    "survey_result.imported": _("Survey results imported (aggregated)"),
    "survey_result.removed": _("Survey results removed"),
}
