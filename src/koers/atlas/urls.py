"""The URLs of the atlas: one list per part, under the one `atlas` namespace, so every URL
name stays `atlas:<name>`."""

from koers.atlas.initiatives import urls as initiatives
from koers.atlas.map import urls as map_urls
from koers.atlas.network import urls as network
from koers.atlas.public import urls as public

app_name = "atlas"

urlpatterns = [
    *initiatives.urlpatterns,
    *map_urls.urlpatterns,
    *network.urlpatterns,
    *public.urlpatterns,
]
