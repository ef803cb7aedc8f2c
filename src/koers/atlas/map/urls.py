"""The atlas's map: the page, its data endpoints, the exports and the public atlas."""

from django.urls import path

from koers.atlas.map import exports, public_views, views

urlpatterns = [
    path("", views.index, name="index"),
    path("kaart/gegevens/", views.map_data, name="map_data"),
    path("kaart/gemeenten/", views.boundaries, name="boundaries"),
    path("kaart/export.xlsx", exports.export_xlsx, name="map_export_xlsx"),
    path("kaart/export.csv", exports.export_csv, name="map_export_csv"),
    path("kaart/export.geojson", exports.export_geojson, name="map_export_geojson"),
    path("openbaar/", public_views.public_map, name="public_map"),
    path("openbaar/gegevens/", public_views.public_map_data, name="public_map_data"),
    path("openbaar/gemeenten/", public_views.public_boundaries, name="public_boundaries"),
]
