"""The URLs of matching: one list per part, under the one `matching` namespace, so every
URL name stays `matching:<name>`."""

from koers.matching.candidates import urls as candidates
from koers.matching.engine import urls as engine
from koers.matching.placements import urls as placements
from koers.matching.public import urls as public
from koers.matching.requests import urls as requests
from koers.matching.trajectories import urls as trajectories

app_name = "matching"

urlpatterns = [
    *candidates.urlpatterns,
    *requests.urlpatterns,
    *engine.urlpatterns,
    *placements.urlpatterns,
    *public.urlpatterns,
    *trajectories.urlpatterns,
]
