from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightConfig(AppConfig):
    name = "koers.insight"
    verbose_name = _("Insight")

    def ready(self) -> None:
        from koers.core.records import register_records
        from koers.insight import models as m

        # The records its URLs name, for the tenancy check (koers.accounts.tenancy).
        register_records(key_figure=m.KeyFigure, dataset=m.Dataset, shared=True)
        register_records(
            figure_note=m.FigureNote,
            survey_result=m.SurveyResult,
            research_project=m.ResearchProject,
        )
        from koers.core import setup_steps
        from koers.core.audit import register_action_labels
        from koers.insight.audit_labels import ACTION_LABELS
        from koers.insight.measures import register_all
        from koers.insight.snapshot import load_snapshot

        register_all()
        register_action_labels(ACTION_LABELS)
        # A new installation shows the shipped statistics before anyone imports a table.
        setup_steps.register(load_snapshot)
