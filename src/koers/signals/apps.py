from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "koers.signals"
    verbose_name = _("Signals")

    def ready(self) -> None:
        from koers.core.records import register_records
        from koers.signals import models as m

        # The records its URLs name, for the tenancy check (koers.accounts.tenancy).
        register_records(
            agenda_item=m.AgendaItem,
            meeting=m.Meeting,
            case_type=m.CaseType,
            support_volunteer=m.SupportVolunteer,
            case=m.Case,
            signal_category=m.Category,
            signal_contact=m.SignalContact,
            signal=m.Signal,
        )
        import datetime as dt

        from koers.core import schedule, warmup
        from koers.core.audit import register_action_labels
        from koers.signals.audit_labels import ACTION_LABELS
        from koers.signals.cases.privacy import register_person_links
        from koers.signals.cases.retention import cases_retention_task
        from koers.signals.classify.tasks import retrain_classifiers
        from koers.signals.entry.tasks import expire_signal_contacts_task
        from koers.signals.measures import register_all
        from koers.signals.scrubbing import warm_up

        register_all()
        register_action_labels(ACTION_LABELS)
        register_person_links()
        # The de-identifier is loaded by `koers serve` before it forks its workers.
        warmup.register(warm_up)
        # A resident's contact details go when the retention she consented to ends.
        schedule.register(
            schedule.PeriodicJob(
                "signals.contact_expiry", expire_signal_contacts_task, dt.time(3, 30)
            )
        )
        # Closed cases past their kind's retention go, then clients left without a case.
        schedule.register(
            schedule.PeriodicJob("signals.cases_retention", cases_retention_task, dt.time(3, 40))
        )
        # The classifier learns the people's latest choices once a week (when there are some).
        schedule.register(
            schedule.PeriodicJob(
                "signals.classifier_retrain", retrain_classifiers, dt.time(4, 0), schedule.SUNDAY
            )
        )
