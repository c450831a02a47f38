"""The head of every page as search engines and link previews read it."""

from django import template
from django.utils.translation import get_language

from roundtable.core import seo
from roundtable.core.templatetags.roundtable import language_links

register = template.Library()


@register.inclusion_tag("core/_seo_head.html", takes_context=True)
def seo_head(context) -> dict:
    """`rel=canonical`, `og:url`, `og:locale` (and its alternates), and `noindex` on search
    results. No query: the language links are the ones base.html has already built."""
    request = context.get("request")
    if request is None:
        return {}
    language = _content_language(context.get("page"))
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


def _content_language(page) -> str:
    """The language of the page's content: the interface language, unless the view has
    loaded a Wagtail page's locale and it says otherwise (an original shown inside
    another language's interface). Looking the locale up here would cost every page a
    query for what is nearly always the interface language."""
    locale = page._state.fields_cache.get("locale") if hasattr(page, "_state") else None
    return locale.language_code if locale is not None else get_language()


@register.simple_tag
def absolute_url(path: str) -> str:
    """`path` on the public site (SITE_URL), for Open Graph images and the like."""
    return seo.absolute_url(path)
