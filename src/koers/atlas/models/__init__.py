from koers.atlas.models.collaborations import Collaboration, TieKind, TieSource
from koers.atlas.models.confirmations import (
    ChangeStatus,
    ConfirmationLink,
    ProposedChange,
    TieDismissal,
)
from koers.atlas.models.initiatives import Initiative, InitiativeKind
from koers.atlas.models.network import NetworkSnapshot, NodeKind, NodeMetric, TieMetric
from koers.atlas.models.public import ContactRequest, SpinnenwebTally, contact_retention_until
from koers.atlas.models.themes import DIMENSION_BY_KEY, DIMENSIONS, Dimension, Theme

__all__ = [
    "DIMENSIONS",
    "DIMENSION_BY_KEY",
    "ChangeStatus",
    "Collaboration",
    "ConfirmationLink",
    "ContactRequest",
    "Dimension",
    "Initiative",
    "InitiativeKind",
    "NetworkSnapshot",
    "NodeKind",
    "NodeMetric",
    "ProposedChange",
    "SpinnenwebTally",
    "Theme",
    "TieDismissal",
    "TieKind",
    "TieMetric",
    "TieSource",
    "contact_retention_until",
]
