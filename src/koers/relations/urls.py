"""The URLs of relations: one list per capability, under the one `relations` namespace, so
every URL name stays `relations:<name>`."""

from koers.relations.contacts import urls as contacts
from koers.relations.events import urls as events
from koers.relations.members import urls as members
from koers.relations.networks import urls as networks
from koers.relations.opportunities import urls as opportunities

app_name = "relations"

urlpatterns = [
    *events.urlpatterns,
    *members.urlpatterns,
    *networks.urlpatterns,
    *contacts.urlpatterns,
    *opportunities.urlpatterns,
]
