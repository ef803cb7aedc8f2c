"""The URLs of matching: one list per part, under the one `matching` namespace, so every
URL name stays `matching:<name>`."""

from koers.matching.candidates import urls as candidates
from koers.matching.requests import urls as requests

app_name = "matching"

urlpatterns: list = [
    *requests.urlpatterns,
    *candidates.urlpatterns,
]
