"""The URLs of the directory: persons, organisations and the municipalities' search, under
the one `directory` namespace, so every URL name is `directory:<name>`."""

from koers.directory.municipalities import urls as municipalities
from koers.directory.organisations import urls as organisations
from koers.directory.persons import urls as persons

app_name = "directory"

urlpatterns = [
    *persons.urlpatterns,
    *organisations.urlpatterns,
    *municipalities.urlpatterns,
]
