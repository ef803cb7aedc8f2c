"""The one way to show a table that may be wider than a phone (issue 16, item 6).

    {% load table_tags %}
    {% scroll_table _("Events") class="table table--compact" hidden=True %}
      <thead>…</thead><tbody>…</tbody>
    {% endscroll_table %}

renders the table inside a region of its own that scrolls sideways, so that the page never
does:

    <div class="table-region" role="region" tabindex="0" aria-labelledby="table-events">
      <table class="table table--compact">
        <caption id="table-events" class="visually-hidden">Events</caption> …

The region can take the focus, so that keyboard users can scroll it with the arrow keys
(WCAG 2.1.1; axe's scrollable-region-focusable), and it is named by the table's caption, so
a screen reader says which table the region holds. `hidden=True` hides the caption from
view where a heading above already names the table; screen readers still read it.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.html import format_html
from django.utils.text import slugify

register = template.Library()


def _unique_id(context: template.Context, caption: str) -> str:
    """An id for the caption, unique within the response: tables with the same caption on
    one page (a list per year, say) get a number after the first."""
    request = context.get("request")
    taken: set[str] = getattr(request, "_koers_table_ids", set()) if request else set()
    base = f"table-{slugify(caption) or 'data'}"
    ident, number = base, 1
    while ident in taken:
        number += 1
        ident = f"{base}-{number}"
    taken.add(ident)
    if request is not None:
        request._koers_table_ids = taken
    return ident


class ScrollTableNode(template.Node):
    def __init__(
        self, nodelist: NodeList, caption: FilterExpression, options: dict[str, FilterExpression]
    ) -> None:
        self.nodelist = nodelist
        self.caption = caption
        self.options = options

    def render(self, context: template.Context) -> str:
        caption = str(self.caption.resolve(context))
        css = self.options["class"].resolve(context) if "class" in self.options else "table"
        hidden = (
            bool(self.options["hidden"].resolve(context)) if "hidden" in self.options else False
        )
        ident = _unique_id(context, caption)
        return format_html(
            '<div class="table-region" role="region" tabindex="0" aria-labelledby="{}">'
            '<table class="{}"><caption id="{}"{}>{}</caption>{}</table></div>',
            ident,
            css,
            ident,
            format_html(' class="{}"', "visually-hidden") if hidden else "",
            caption,
            self.nodelist.render(context),
        )


@register.tag
def scroll_table(parser: Parser, token: Token) -> Any:
    """{% scroll_table <caption> [class="…"] [hidden=True] %} … {% endscroll_table %}"""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("scroll_table needs the table's caption")
    caption = parser.compile_filter(bits[1])
    options: dict[str, FilterExpression] = {}
    for bit in bits[2:]:
        name, sep, value = bit.partition("=")
        if not sep or name not in ("class", "hidden"):
            raise template.TemplateSyntaxError(f"scroll_table does not know {bit!r}")
        options[name] = parser.compile_filter(value)
    nodelist = parser.parse(("endscroll_table",))
    parser.delete_first_token()
    return ScrollTableNode(nodelist, caption, options)
