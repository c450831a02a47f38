"""The interface languages and the URLs of the current page in each of them."""

from collections import defaultdict
from collections.abc import Iterable
from uuid import UUID

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def interface_languages() -> list[dict]:
    """Every shipped UI language with its own name (shown to readers of that language)."""
    return [
        {"code": code, "name_local": get_language_info(code)["name_local"]}
        for code, _name in settings.LANGUAGES
    ]


def page_translation_urls(page) -> dict[str, str]:
    """Live translations of a Wagtail page, keyed by language code."""
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {t.locale.language_code: t.url for t in translations.specific(defer=True)}


def alternate_links(request: HttpRequest, page=None) -> list[dict]:
    """The current page in every interface language, for the visible language switcher.

    A Wagtail page has its own slug in each language, so its translations are looked up;
    any other view has the same route under every language prefix. Where a page has no
    translation, a page type may offer its original inside that language's interface
    (`untranslated_urls(codes)`, as news articles do); otherwise the link leads to that
    language's home page. The current language always links to the page being read.
    """
    current = get_language()
    page_urls = page_translation_urls(page) if page is not None else {}
    if page is not None and hasattr(page, "untranslated_urls"):
        missing = [code for code, _name in settings.LANGUAGES if code not in page_urls]
        page_urls = {**page.untranslated_urls(missing, request), **page_urls}
    links = []
    for language in interface_languages():
        code = language["code"]
        if page is None:
            url = translate_url(request.get_full_path(), code)
        elif code == current and page.locale.language_code != current:
            url = request.path  # a page shown in the reader's interface, not its own
        else:
            url = page_urls.get(code) or f"/{code}/"
        links.append({**language, "url": url, "current": code == current})
    return links


def _language_order(code: str) -> int:
    codes = [language for language, _name in settings.LANGUAGES]
    return codes.index(code) if code in codes else len(codes)


def page_alternates(pages: Iterable, request: HttpRequest | None = None) -> dict[UUID, list[dict]]:
    """hreflang alternates of Wagtail pages, by translation key: only live, public translations.

    One function for the page's `<link rel="alternate" hreflang>` and for the sitemap's
    `xhtml:link`, so that both always name the same set. Each alternate is
    `{"lang_code", "location"}` (a path, as `Page.get_url` gives it); the list ends with
    `x-default`: the version in the default language, or the original where there is none.
    One query for any number of pages.
    """
    from wagtail.models import Page

    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    translations = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .defer_streamfields()
        .order_by("pk")
    )
    by_key = defaultdict(list)
    for translation in translations:
        by_key[translation.translation_key].append(translation)
    alternates = {}
    for key, versions in by_key.items():
        # The first created version is the original (translations are copies of it).
        original = versions[0]
        default = next(
            (v for v in versions if v.locale.language_code == settings.LANGUAGE_CODE), original
        )
        versions = sorted(versions, key=lambda v: _language_order(v.locale.language_code))
        alternates[key] = [
            {"lang_code": v.locale.language_code, "location": v.get_url(request)} for v in versions
        ] + [{"lang_code": "x-default", "location": default.get_url(request)}]
    return alternates


def hreflang_links(request: HttpRequest, page=None) -> list[dict]:
    """`<link rel="alternate" hreflang>` of the current page: the translations that exist.

    A Wagtail page names its live, public translations (as the sitemap does, see
    `page_alternates`); any other view exists under every language prefix.
    """
    if page is not None:
        return page_alternates([page], request).get(page.translation_key, [])
    path = request.get_full_path()
    links = [
        {"lang_code": code, "location": translate_url(path, code)}
        for code, _name in settings.LANGUAGES
    ]
    return [
        *links,
        {"lang_code": "x-default", "location": translate_url(path, settings.LANGUAGE_CODE)},
    ]
