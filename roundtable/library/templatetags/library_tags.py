from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def facet_url(context, name: str, value) -> str:
    """The current search's query string with `name` set to `value` (or removed), page reset."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    if value in ("", None):
        params.pop(name, None)
    else:
        params[name] = value
    return params.urlencode()
