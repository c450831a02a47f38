from django import template

from roundtable.content.selectors import funders_for_footer

register = template.Library()


@register.inclusion_tag("content/_funders_footer.html")
def funders_footer() -> dict:
    return {"funders": list(funders_for_footer())}
