"""The URLs of matching: one list per part, under the one `matching` namespace, so every
URL name stays `matching:<name>`."""

from koers.matching.placements import urls as placements

app_name = "matching"

urlpatterns: list = [
    *placements.urlpatterns,
]
