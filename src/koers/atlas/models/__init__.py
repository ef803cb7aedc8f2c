from koers.atlas.models.collaborations import Collaboration, TieKind, TieSource
from koers.atlas.models.confirmations import (
    ChangeStatus,
    ConfirmationLink,
    ProposedChange,
    TieDismissal,
)
from koers.atlas.models.initiatives import Initiative, InitiativeKind
from koers.atlas.models.themes import DIMENSION_BY_KEY, DIMENSIONS, Dimension, Theme

__all__ = [
    "DIMENSIONS",
    "DIMENSION_BY_KEY",
    "ChangeStatus",
    "Collaboration",
    "ConfirmationLink",
    "Dimension",
    "Initiative",
    "InitiativeKind",
    "ProposedChange",
    "Theme",
    "TieDismissal",
    "TieKind",
    "TieSource",
]
