"""Questions and answers on activities: threads and open questions."""

from __future__ import annotations

from collections import Counter

from django.db.models import (
    Prefetch,
    QuerySet,
)

from koers.plans.models import (
    Activity,
    ActivityComment,
)

# --- questions and answers on activities ---------------------------------------------------


def activity_threads(activity: Activity) -> list[ActivityComment]:
    """The activity's threads, oldest first, each with its answers: two queries."""
    return list(
        activity.comments.filter(parent__isnull=True)
        .with_sides()
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "replies",
                queryset=ActivityComment.objects.with_sides()
                .select_related("author")
                .order_by("created_at", "id"),
            )
        )
        .order_by("created_at", "id")
    )


def open_questions(programme_ids: list[int]) -> QuerySet[ActivityComment]:
    """Funders' questions on these programmes' activities that await the organisation's
    answer, oldest first."""
    return (
        ActivityComment.objects.open_questions()
        .filter(activity__programme_id__in=programme_ids)
        .select_related("activity")
        .order_by("created_at", "id")
    )


def open_question_counts(programme_ids: list[int]) -> Counter[int]:
    """How many funders' questions await an answer, per programme id (one query)."""
    return Counter(
        ActivityComment.objects.open_questions()
        .filter(activity__programme_id__in=programme_ids)
        .values_list("activity__programme_id", flat=True)
    )
