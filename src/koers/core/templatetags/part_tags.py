"""{% page_part "slot" key=value … %}: what the apps registered for that slot of the page
(see koers.core.page_parts)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from koers.core import page_parts

register = template.Library()


@register.simple_tag(takes_context=True)
def page_part(context: template.Context, slot: str, **values: Any) -> SafeString:
    return page_parts.render(slot, context.get("request"), **values)
