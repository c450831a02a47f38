"""The interface languages and the URLs of the current page in each of them."""

from collections import defaultdict
from collections.abc import Iterable
from uuid import UUID

from django.conf import settings
from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def interface_languages() -> list[dict]:
    """Every shipped UI language with its own name (shown to readers of that language).

    Decided: the switcher shows each name capitalised ("Hrvatski", "Shqip", "Magyar"), as
    a menu label, although these languages write language names in lower case in running
    text and lists. Everywhere else a language is named in the reader's language
    (`name_translated`: profile languages, document languages, forum and news languages),
    and our catalogues give those names in lower case where the language wants it ("engleski",
    "anglisht", "angol"); roundtable/core/tests/test_language_names.py holds both rules."""
    return [
        {"code": code, "name_local": get_language_info(code)["name_local"]}
        for code, _name in settings.LANGUAGES
    ]


def _live_translations(keys: Iterable[UUID]) -> dict[UUID, list]:
    """Every live version of the pages with these translation keys, oldest first, each
    marked `restricted` when it is in a private section (what `.public()` excludes, without
    its separate query). One query."""
    from wagtail.models import Page, PageViewRestriction

    # A restriction on the page itself or on one of its ancestors (a prefix of its path).
    page_path = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    restriction_above = PageViewRestriction.objects.annotate(target_path=page_path).filter(
        target_path__startswith=F("page__path")
    )
    translations = (
        Page.objects.live()
        .filter(translation_key__in=set(keys))
        .annotate(restricted=Exists(restriction_above))
        .select_related("locale")
        .defer_streamfields()
        .order_by("pk")
    )
    by_key = defaultdict(list)
    for translation in translations:
        by_key[translation.translation_key].append(translation)
    return by_key


def _page_translations(page, request: HttpRequest | None) -> list:
    """The live versions of the current page, looked up once per request."""
    cache_name = f"_roundtable_translations_{page.pk}"
    if request is not None and hasattr(request, cache_name):
        return getattr(request, cache_name)
    versions = _live_translations([page.translation_key]).get(page.translation_key, [])
    if request is not None:
        setattr(request, cache_name, versions)
    return versions


def page_translation_urls(page, request: HttpRequest | None = None) -> dict[str, str]:
    """Live translations of a Wagtail page, keyed by language code."""
    return {v.locale.language_code: v.get_url(request) for v in _page_translations(page, request)}


def alternate_links(request: HttpRequest, page=None) -> list[dict]:
    """The current page in every interface language, for the visible language switcher.

    A Wagtail page has its own slug in each language, so its translations are looked up;
    any other view has the same route under every language prefix. Where a page has no
    translation, a page type may offer its original inside that language's interface
    (`untranslated_urls(codes)`, as news articles do); otherwise the link leads to that
    language's home page. The current language always links to the page being read.
    """
    current = get_language()
    page_urls = page_translation_urls(page, request) if page is not None else {}
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


def _alternates(versions: list, request: HttpRequest | None) -> list[dict]:
    public = [v for v in versions if not v.restricted]
    if not public:
        return []
    # The first created version is the original (translations are copies of it).
    default = next(
        (v for v in public if v.locale.language_code == settings.LANGUAGE_CODE), public[0]
    )
    public.sort(key=lambda v: _language_order(v.locale.language_code))
    return [
        {"lang_code": v.locale.language_code, "location": v.get_url(request)} for v in public
    ] + [{"lang_code": "x-default", "location": default.get_url(request)}]


def page_alternates(pages: Iterable, request: HttpRequest | None = None) -> dict[UUID, list[dict]]:
    """hreflang alternates of Wagtail pages, by translation key: only live, public translations.

    One function for the page's `<link rel="alternate" hreflang>` and for the sitemap's
    `xhtml:link`, so that both always name the same set. Each alternate is
    `{"lang_code", "location"}` (a path, as `Page.get_url` gives it); the list ends with
    `x-default`: the version in the default language, or the original where there is none.
    One query for any number of pages.
    """
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    return {
        key: _alternates(versions, request) for key, versions in _live_translations(keys).items()
    }


def hreflang_links(request: HttpRequest, page=None) -> list[dict]:
    """`<link rel="alternate" hreflang>` of the current page: the translations that exist.

    A Wagtail page names its live, public translations (exactly as the sitemap does, see
    `page_alternates`); any other view exists under every language prefix.
    """
    if page is not None:
        return _alternates(_page_translations(page, request), request)
    path = request.get_full_path()
    links = [
        {"lang_code": code, "location": translate_url(path, code)}
        for code, _name in settings.LANGUAGES
    ]
    default = translate_url(path, settings.LANGUAGE_CODE)
    return [*links, {"lang_code": "x-default", "location": default}]
