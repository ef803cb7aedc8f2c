"""URLs of the pool: its page, candidates, their qualifications and availability, the
funnel's steps, calls and the call-back list."""

from django.urls import path

from koers.matching.candidates.views import parts, pool, records

urlpatterns = [
    path("", pool.index, name="index"),
    path("nabellen/", pool.callbacks, name="callbacks"),
    path("kandidaten/", records.candidates, name="candidates"),
    path("kandidaten/nieuw/", records.candidate_add, name="candidate_add"),
    path("kandidaten/<candidate:pk>/", records.candidate, name="candidate"),
    path("kandidaten/<candidate:pk>/wijzigen/", records.candidate_edit, name="candidate_edit"),
    path("kandidaten/<candidate:pk>/stap/", records.candidate_step, name="candidate_step"),
    path("kandidaten/<candidate:pk>/gesprek/", records.candidate_call, name="candidate_call"),
    path(
        "kandidaten/<candidate:pk>/kwalificaties/nieuw/",
        parts.qualification_add,
        name="qualification_add",
    ),
    path(
        "kwalificaties/<qualification:pk>/wijzigen/",
        parts.qualification_edit,
        name="qualification_edit",
    ),
    path(
        "kwalificaties/<qualification:pk>/verwijderen/",
        parts.qualification_delete,
        name="qualification_delete",
    ),
    path(
        "kandidaten/<candidate:pk>/beschikbaarheid/nieuw/",
        parts.availability_add,
        name="availability_add",
    ),
    path(
        "beschikbaarheid/<availability:pk>/wijzigen/",
        parts.availability_edit,
        name="availability_edit",
    ),
    path(
        "beschikbaarheid/<availability:pk>/verwijderen/",
        parts.availability_delete,
        name="availability_delete",
    ),
]
