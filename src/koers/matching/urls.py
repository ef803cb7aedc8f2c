"""The URLs of matching: one list per part, under the one `matching` namespace, so every
URL name stays `matching:<name>`."""

app_name = "matching"

urlpatterns: list = []
