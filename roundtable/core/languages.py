"""The interface languages and the URLs of the current page in each of them."""

from django.conf import settings
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


def page_translation_urls(page) -> dict[str, str]:
    """Live translations of a Wagtail page, keyed by language code."""
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {t.locale.language_code: t.url for t in translations.specific(defer=True)}


def alternate_links(request: HttpRequest, page=None) -> list[dict]:
    """The current page in every interface language, for the switcher and hreflang links.

    A Wagtail page has its own slug in each language, so its translations are looked up;
    any other view has the same route under every language prefix. A page that has no
    translation in a language links to that language's home page.
    """
    current = get_language()
    page_urls = page_translation_urls(page) if page is not None else {}
    links = []
    for language in interface_languages():
        code = language["code"]
        if page is not None:
            url = page_urls.get(code) or f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({**language, "url": url, "current": code == current})
    return links
