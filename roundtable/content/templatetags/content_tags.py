from django import template

from roundtable.content.selectors import footer_standard_pages, funders_for_footer

register = template.Library()


@register.inclusion_tag("content/_funders_footer.html")
def funders_footer() -> dict:
    return {"funders": list(funders_for_footer())}


@register.simple_tag
def footer_pages() -> list:
    """The standard pages (about, contact) of the reader's language, for the footer."""
    return footer_standard_pages()
