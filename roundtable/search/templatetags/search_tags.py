from django import template

from roundtable.search.highlight import highlight

register = template.Library()


@register.simple_tag
def highlighted(text: str, query: str, length: int = 280):
    return highlight(text, query, length=length)
