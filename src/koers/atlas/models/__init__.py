from koers.atlas.models.collaborations import Collaboration, TieKind, TieSource
from koers.atlas.models.confirmations import (
    ChangeStatus,
    ConfirmationLink,
    ProposedChange,
    TieDismissal,
)
from koers.atlas.models.initiatives import Initiative, InitiativeKind
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
    "ProposedChange",
    "SpinnenwebTally",
    "Theme",
    "TieDismissal",
    "TieKind",
    "TieSource",
    "contact_retention_until",
]
