"""Notes on figures: the notes on one figure of one region and period, the form to write one,
and the removal of one. The figure is named in the query string (`onderwerp`, `regio`,
`periode`): a figure that is not in the statistics is 404."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.core.confirm import Question, asks_first, confirm_first
from koers.core.pages import act
from koers.insight import services
from koers.insight.access import get_note_for_removal, may_remove_note, region_or_404
from koers.insight.dashboard_forms import FigureNoteForm
from koers.insight.models import FigureNote, Observation, Topic
from koers.insight.note_readers import NoteReader
from koers.insight.queries import period_label, region_names
from koers.insight.sources import source_line


def _figure(request: HttpRequest) -> tuple[Topic, str, str, Observation]:
    data = request.GET
    topic_id = data.get("onderwerp", "")
    if not topic_id.isdigit():
        raise Http404
    topic = get_object_or_404(Topic.objects.select_related("dataset"), pk=int(topic_id))
    region = region_or_404(data.get("regio", "")).code
    period = data.get("periode", "")
    observation = (
        Observation.objects.filter(topic=topic, region=region, period=period)
        .order_by("breakdown")
        .first()
    )
    if observation is None:
        raise Http404
    return topic, region, period, observation


def notes_url(topic_id: int, region: str, period: str) -> str:
    query = urlencode({"onderwerp": topic_id, "regio": region, "periode": period})
    return f"{reverse('insight:notes')}?{query}"


@requires(Capability.VIEW_STATISTICS)
@require_http_methods(["GET", "POST"])
def notes(request: HttpRequest) -> HttpResponse:
    topic, region, period, _observation = _figure(request)
    may_write = has_capability(request.user, Capability.ANNOTATE_FIGURES)
    form = FigureNoteForm(request.POST or None) if may_write else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            note = form.save(commit=False)
            note.topic, note.region, note.period = topic, region, period
            services.figure_note_save(request.user, note)
            messages.success(request, _("Your note is saved; it shows beside the figure."))
            return redirect(notes_url(topic.pk, region, period))
    reader = NoteReader.of(request.user)
    written = list(
        FigureNote.objects.filter(
            topic=topic,
            region=region,
            period=period,
            organisation_id__in=reader.organisation_ids,
        ).select_related("organisation", "author")
    )
    for note in written:
        reader.shows_author(note)
    return render(
        request,
        "insight/notes.html",
        {
            "topic": topic,
            "region_name": region_names().get(region, region),
            "period_label": period_label(period),
            "source": source_line(topic.dataset),
            "notes": [(note, may_remove_note(request.user, note)) for note in written],
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@asks_first
@requires(Capability.VIEW_STATISTICS)  # who may remove which note: `get_note_for_removal`
@require_POST
def note_remove(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_note_for_removal(request.user, pk)
    back = notes_url(note.topic_id, note.region, note.period)

    def remove() -> HttpResponse:
        act(
            request,
            lambda: services.figure_note_remove(request.user, note),
            _("The note has been removed."),
        )
        return redirect(back)

    def question() -> Question:
        return Question(
            heading=_("Remove this note?"),
            consequences=[_("It no longer shows beside the figure, on any dashboard or report.")],
            button=_("Yes, remove"),
            cancel_url=back,
        )

    return confirm_first(request, question=question, then=remove)
