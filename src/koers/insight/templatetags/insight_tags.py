from django import template

from koers.insight.models import Dataset
from koers.insight.sources import source_line as line_of

register = template.Library()


@register.filter
def source_line(dataset: Dataset) -> str:
    return line_of(dataset)
