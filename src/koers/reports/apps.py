from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "koers.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from koers.core.records import register_records
        from koers.reports import models as m

        # The records its URLs name, for the tenancy check (koers.accounts.tenancy).
        register_records(report=m.Report, report_document=m.ReportDocument)
        from koers.core import page_parts
        from koers.core.audit import register_action_labels
        from koers.reports.parts import ANNUAL_PLAN_ACTIVITIES, annual_plan_lines

        page_parts.register(ANNUAL_PLAN_ACTIVITIES, annual_plan_lines)

        register_action_labels(
            {
                "report.created": _("Report prepared"),
                "report.reviewed": _("Report reviewed"),
                "report.signed": _("Report signed"),
                "report.sent": _("Report sent"),
                "report.reopened": _("Report taken back to prepared"),
                "report.questions": _("Evaluation questions changed"),
            }
        )
