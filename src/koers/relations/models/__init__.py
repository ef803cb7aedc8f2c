"""Relations' models, one module per capability; re-exported here so `koers.relations.models`
stays the one import path (and no migration is needed)."""

from koers.relations.models.contacts import (
    Action,
    ActionStatus,
    CalendarFeed,
    Interaction,
    InteractionKind,
)
from koers.relations.models.events import (
    Channel,
    CommunicationItem,
    Event,
    Participant,
)
from koers.relations.models.members import (
    EmployerMembership,
)
from koers.relations.models.networks import (
    Network,
    NetworkKind,
    NetworkReview,
    NetworkRole,
    NetworkValue,
)
from koers.relations.models.opportunities import (
    Opportunity,
    OpportunityStatus,
    Quote,
    QuoteTemplate,
    VatRate,
)

__all__ = [
    "Action",
    "ActionStatus",
    "CalendarFeed",
    "Channel",
    "CommunicationItem",
    "EmployerMembership",
    "Event",
    "Interaction",
    "InteractionKind",
    "Network",
    "NetworkKind",
    "NetworkReview",
    "NetworkRole",
    "NetworkValue",
    "Opportunity",
    "OpportunityStatus",
    "Participant",
    "Quote",
    "QuoteTemplate",
    "VatRate",
]
