"""The URLs of matching: one list per part, under the one `matching` namespace, so every
URL name stays `matching:<name>`."""

from koers.matching.public import urls as public
from koers.matching.trajectories import urls as trajectories

app_name = "matching"

urlpatterns = [
    *public.urlpatterns,
    *trajectories.urlpatterns,
]
