from koers.signals.models.agenda import AgendaItem, AgendaStep, Meeting
from koers.signals.models.cases import Case, CaseContact, CaseType, Client, SupportVolunteer
from koers.signals.models.categories import Category
from koers.signals.models.classifier import ClassifierModel, TrainingStatus
from koers.signals.models.signals import Signal, SignalContact

__all__ = [
    "AgendaItem",
    "AgendaStep",
    "Case",
    "CaseContact",
    "CaseType",
    "Category",
    "ClassifierModel",
    "Client",
    "Meeting",
    "Signal",
    "SignalContact",
    "SupportVolunteer",
    "TrainingStatus",
]
