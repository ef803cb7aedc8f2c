"""URLs of the pool: its page, candidates, their qualifications and availability, the
funnel's steps, calls and the call-back list."""

from django.urls import path

from koers.matching.candidates.views import parts, pool, records

urlpatterns = [
    path("", pool.index, name="index"),
    path("nabellen/", pool.callbacks, name="callbacks"),
    path("kandidaten/", records.candidates, name="candidates"),
    path("kandidaten/nieuw/", records.candidate_add, name="candidate_add"),
    path("kandidaten/<int:pk>/", records.candidate, name="candidate"),
    path("kandidaten/<int:pk>/wijzigen/", records.candidate_edit, name="candidate_edit"),
    path("kandidaten/<int:pk>/stap/", records.candidate_step, name="candidate_step"),
    path("kandidaten/<int:pk>/gesprek/", records.candidate_call, name="candidate_call"),
    path(
        "kandidaten/<int:pk>/kwalificaties/nieuw/",
        parts.qualification_add,
        name="qualification_add",
    ),
    path("kwalificaties/<int:pk>/wijzigen/", parts.qualification_edit, name="qualification_edit"),
    path(
        "kwalificaties/<int:pk>/verwijderen/",
        parts.qualification_delete,
        name="qualification_delete",
    ),
    path(
        "kandidaten/<int:pk>/beschikbaarheid/nieuw/",
        parts.availability_add,
        name="availability_add",
    ),
    path("beschikbaarheid/<int:pk>/wijzigen/", parts.availability_edit, name="availability_edit"),
    path(
        "beschikbaarheid/<int:pk>/verwijderen/",
        parts.availability_delete,
        name="availability_delete",
    ),
]
