"""Tags as she types them: names separated by commas."""

from __future__ import annotations

from django.utils.translation import gettext as _

from koers.directory.models import Tag

TAG_LENGTH = Tag._meta.get_field("name").max_length or 60


def long_tags(text: str) -> list[str]:
    """The problems of tags (separated by commas) longer than a tag can be; `tags_create`
    would cut them short."""
    return [
        _("Tag '%(tag)s…': at most %(limit)s characters.")
        % {"tag": part.strip()[:20], "limit": TAG_LENGTH}
        for part in text.split(",")
        if len(part.strip()) > TAG_LENGTH
    ]
