from koers.atlas.models.collaborations import Collaboration, TieKind, TieSource
from koers.atlas.models.initiatives import Initiative, InitiativeKind
from koers.atlas.models.network import NetworkSnapshot, NodeKind, NodeMetric, TieMetric
from koers.atlas.models.themes import DIMENSION_BY_KEY, DIMENSIONS, Dimension, Theme

__all__ = [
    "DIMENSIONS",
    "DIMENSION_BY_KEY",
    "Collaboration",
    "Dimension",
    "Initiative",
    "InitiativeKind",
    "NetworkSnapshot",
    "NodeKind",
    "NodeMetric",
    "Theme",
    "TieKind",
    "TieMetric",
    "TieSource",
]
