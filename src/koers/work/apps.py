from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    name = "koers.work"
    verbose_name = _("Hours and projects")

    def ready(self) -> None:
        from koers.accounts.models import User
        from koers.core.records import register_records
        from koers.work import models as m

        # The records its URLs name, for the tenancy check (koers.accounts.tenancy).
        register_records(week=m.Week, staff_member=User, project=m.Project, product=m.Product)
        import datetime as dt

        from koers.core import schedule
        from koers.core.audit import register_action_labels
        from koers.work.measures import register_all
        from koers.work.reminders import send_week_reminders

        register_all()
        schedule.register(
            schedule.PeriodicJob(
                "work.week_reminders", send_week_reminders, dt.time(7, 0), schedule.MONDAY
            )
        )
        register_action_labels(
            {
                "time.recorded": _("Hours recorded"),
                "time.changed": _("Hours changed"),
                "time.removed": _("Hours removed"),
                "time.corrected": _("Hours corrected"),
                "week.submitted": _("Week submitted"),
                "week.approved": _("Week approved"),
                "week.returned": _("Week returned"),
                "month.closed": _("Month closed"),
                "project.created": _("Project added"),
                "project.saved": _("Project changed"),
                "time.imported": _("Hours imported"),
                "product.registered": _("Product registered for review"),
                "product.approved": _("Product approved"),
                "product.sent_back": _("Product sent back"),
            }
        )
