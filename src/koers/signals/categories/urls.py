"""URLs of the category tree of signals (included by koers.signals.urls)."""

from django.urls import path

from koers.signals.categories import views

urlpatterns = [
    path("categorieen/", views.categories, name="categories"),
    path("categorieen/nieuw/", views.category_add, name="category_add"),
    path("categorieen/voorgestelde-themas/", views.categories_seed, name="categories_seed"),
    path("categorieen/<signal_category:pk>/wijzigen/", views.category_edit, name="category_edit"),
]
