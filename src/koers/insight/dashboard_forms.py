"""The forms of the dashboards: which figure a benchmark shows (GET), a key figure chosen or
changed, and a note on a figure."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form, ModelForm
from koers.insight.models import FigureNote, KeyFigure, Observation, Topic
from koers.plans.models import Goal


class BenchmarkChoiceForm(Form):
    """A stale or junk choice falls back to the first key figure and its latest period."""

    kerncijfer = forms.TypedChoiceField(label=_("Figure"), coerce=int, required=False)
    periode = forms.CharField(label=_("Period"), required=False, max_length=12)

    def __init__(self, *args: Any, figures: list[KeyFigure], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.figures = figures
        self.fields["kerncijfer"].choices = [  # type: ignore[attr-defined]
            (figure.pk, figure.label) for figure in figures
        ]
        self.is_valid()
        chosen = getattr(self, "cleaned_data", {}).get("kerncijfer")
        self.figure: KeyFigure | None = next(
            (figure for figure in figures if figure.pk == chosen), figures[0] if figures else None
        )

    @property
    def period(self) -> str:
        return str(getattr(self, "cleaned_data", {}).get("periode") or "")

    def query(self, period: str) -> str:
        parts = {"kerncijfer": self.figure.pk if self.figure else "", "periode": period}
        return urlencode({key: value for key, value in parts.items() if value != ""})


class TopicChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.dataset.title} ({obj.dataset.table_id}): {obj}"


def _breakdown_of(topic: Topic | None, breakdown: str) -> bool:
    return (
        topic is not None and Observation.objects.filter(topic=topic, breakdown=breakdown).exists()
    )


class KeyFigureForm(ModelForm):
    topic = TopicChoiceField(
        label=_("Figure"),
        queryset=Topic.objects.select_related("dataset").order_by("dataset__title", "position"),
    )
    denominator = TopicChoiceField(
        label=_("Per … of"),
        required=False,
        queryset=Topic.objects.select_related("dataset").order_by("dataset__title", "position"),
        help_text=_("For a figure per inhabitant: the figure of the inhabitants."),
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Context for the goals"),
        required=False,
        queryset=Goal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The programme lines this figure is a context factor for."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = KeyFigure
        fields = [
            "topic",
            "breakdown",
            "title",
            "denominator",
            "denominator_breakdown",
            "per",
            "flow",
            "on_dashboard",
            "goals",
            "position",
        ]
        labels = {"denominator_breakdown": _("Breakdown of the per figure")}
        help_texts = {
            "breakdown": _(
                "Empty for a table broken down by region and period only; otherwise as the "
                "table page's choice of breakdown writes it (Geslacht=T001038)."
            ),
            "per": _("1000 for per 1,000 inhabitants."),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        goals: Any = self.fields["goals"]
        goals.queryset = (
            Goal.objects.visible_to(user)
            .select_related("funder")
            .order_by("funder__name", "order", "code")
        )
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)
            self.initial.setdefault("goals", list(self.instance.goals.values_list("pk", flat=True)))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        topic, breakdown = cleaned.get("topic"), cleaned.get("breakdown") or ""
        if topic is not None and not _breakdown_of(topic, breakdown):
            self.add_error(
                "breakdown", _("This figure has no values with that breakdown: see its table.")
            )
        denominator, per = cleaned.get("denominator"), cleaned.get("per")
        if (denominator is None) != (per is None):
            self.add_error("per", _("Give both the figure it is per and how many, or neither."))
        elif denominator is not None and not _breakdown_of(
            denominator, cleaned.get("denominator_breakdown") or ""
        ):
            self.add_error(
                "denominator_breakdown",
                _("The per figure has no values with that breakdown: see its table."),
            )
        return cleaned


class FigureNoteForm(ModelForm):
    class Meta:
        model = FigureNote
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "maxlength": 1000})}
        help_texts = {
            "text": _(
                "A short interpretation of this figure for this period, for everyone who reads "
                "the dashboards. No names or other personal data."
            )
        }
