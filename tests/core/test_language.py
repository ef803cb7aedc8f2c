"""The language a request chose holds for that request only."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.conftest import World


def test_an_english_page_leaves_the_language_as_it_was(world: World) -> None:
    client = world.client("medewerker")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    before = translation.get_language()
    response = client.get(reverse("plans:dashboard"))
    assert response["Content-Language"] == "en"
    assert translation.get_language() == before  # failed before: "en" stayed active
