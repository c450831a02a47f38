"""The head of every page as search engines and link previews read it."""

from django import template
from django.utils.translation import get_language

from roundtable.core import seo
from roundtable.core.templatetags.roundtable import hreflang_alternates

register = template.Library()


@register.inclusion_tag("core/_seo_head.html", takes_context=True)
def seo_head(context) -> dict:
    """`rel=canonical`, `og:url`, `og:locale` (and its alternates), and `noindex` on search
    results. No query: the language links are the ones base.html has already built."""
    request = context.get("request")
    if request is None:
        return {}
    language = _content_language(context.get("page"))
    # The same list as the hreflang links (translations that exist), so the two never
    # disagree.
    alternates = [
        seo.og_locale(link["lang_code"])
        for link in hreflang_alternates(context)
        if link["lang_code"] not in ("x-default", language)
    ]
    return {
        # A view showing another page's content names that page (news: an original inside
        # another language's interface).
        "canonical": context.get("canonical_url") or seo.canonical_url(request),
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
