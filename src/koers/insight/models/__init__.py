"""The insight app's records: statistics as data (`statistics`), and what the organisation
makes of them (`figures`): the key figures its dashboards and monitoring chain show, and its
notes on a figure."""

from koers.insight.models.figures import FigureNote, KeyFigure, LabourFlow
from koers.insight.models.research import (
    ResearchKind,
    ResearchProject,
    ResearchStatus,
    SurveyAnswer,
    SurveyResult,
)
from koers.insight.models.statistics import (
    Category,
    Dataset,
    DatasetImport,
    Dimension,
    DimensionKind,
    ImportMethod,
    Missing,
    Observation,
    StagedValue,
    Topic,
    ValueChange,
)

__all__ = [
    "Category",
    "Dataset",
    "DatasetImport",
    "Dimension",
    "DimensionKind",
    "FigureNote",
    "ImportMethod",
    "KeyFigure",
    "LabourFlow",
    "Missing",
    "Observation",
    "ResearchKind",
    "ResearchProject",
    "ResearchStatus",
    "StagedValue",
    "SurveyAnswer",
    "SurveyResult",
    "Topic",
    "ValueChange",
]
