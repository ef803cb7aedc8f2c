"""The URLs of matching: one list per part, under the one `matching` namespace, so every
URL name stays `matching:<name>`."""

from koers.matching.engine import urls as engine

app_name = "matching"

urlpatterns: list = [
    *engine.urlpatterns,
]
