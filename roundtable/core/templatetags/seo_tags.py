"""The head of every page as search engines and link previews read it."""

from django import template
from django.utils.translation import get_language

from roundtable.core import seo
from roundtable.core.templatetags.roundtable import language_links

register = template.Library()


@register.inclusion_tag("core/_seo_head.html", takes_context=True)
def seo_head(context) -> dict:
    """`rel=canonical`, `og:url`, `og:locale` (and its alternates), and `noindex` on search
    results. A Wagtail page's locale is its content's language; other pages are in the
    interface language."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    locale = getattr(page, "locale", None)
    language = locale.language_code if locale is not None else get_language()
    links = language_links(context)
    own_url = next((link["url"] for link in links if link["code"] == language), "")
    # The same list as the hreflang links, so the two never disagree; a link to another
    # language's home page stands for a translation that does not exist (unless this page
    # is a home page itself).
    alternates = [
        seo.og_locale(link["code"])
        for link in links
        if link["code"] != language
        and (link["url"] != f"/{link['code']}/" or own_url == f"/{language}/")
    ]
    return {
        "canonical": seo.canonical_url(request),
        "noindex": seo.is_search_results(request),
        "og_locale": seo.og_locale(language),
        "og_locale_alternates": alternates,
    }


@register.simple_tag
def absolute_url(path: str) -> str:
    """`path` on the public site (SITE_URL), for Open Graph images and the like."""
    return seo.absolute_url(path)
