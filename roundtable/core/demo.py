"""Demo support every capability's demo shares: locales, and translating through wagtail-localize.

The demo's translations go through the real workflow (a translation source, segment
translations, a synchronised target page), so the dashboard and the "partly translated"
notices show true figures, not a special case for demo data. These helpers live in core so
that the demo of any capability can translate its objects without importing another
capability (they were in `content.demo` and `translations.demo_support`).
"""

from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.text import slugify
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from roundtable.core.text import fold

# Maps a segment's context path ("title", "body.<block id>.text") to its translation, or
# None to leave that segment untranslated. A safe string is HTML with the source's links
# numbered as wagtail-localize numbers them (<a id="a1">…</a>); anything else is text.
SegmentTranslator = Callable[[str], str | None]

# This is also core's own demo step (declared in core/apps.py with order 0): it creates the
# locales, before any capability's content (content's order is 10).


@transaction.atomic
def translate_with_localize(
    source_object: TranslatableMixin, *, locale: Locale, translate: SegmentTranslator
) -> TranslatableMixin:
    """Translate `source_object` into `locale`; untranslated segments fall back to the source."""
    source, _created = TranslationSource.get_or_create_from_instance(source_object)
    segments = StringSegment.objects.filter(source=source).select_related("context", "string")
    for segment in segments:
        text = translate(segment.context.path)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": (
                    StringValue.from_translated_html(text)
                    if isinstance(text, SafeString)
                    else StringValue.from_plaintext(text)
                ).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # Untranslated segments keep the source text (wagtail-localize's fallback). A page is
    # saved as a draft and published here: wagtail-localize would publish it only when the
    # outermost transaction commits, which a caller inside a transaction would not see.
    is_page = isinstance(source_object, Page)
    translation.save_target(publish=not is_page)
    target = source_object.get_translation(locale)
    if is_page:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


def create_locales() -> None:
    """A Wagtail locale for every interface language (idempotent)."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def locale_for(code: str) -> Locale:
    """The Locale of a language code; the demo has created them all (see create_locales)."""
    return Locale.objects.get(language_code=code)


def translation_slug(title: str) -> str:
    """An ASCII slug for a translated title (Cyrillic transliterated)."""
    return slugify(fold(title))[:80] or "page"


def localize(obj: TranslatableMixin, code: str, values: dict[str, str]) -> None:
    """Translate `obj` into `code` with the given field/segment values (missing ones fall back)."""
    locale = locale_for(code)
    if obj.has_translation(locale):
        return

    def translate(path: str) -> str | None:
        if path == "slug" and "slug" not in values and "title" in values:
            return translation_slug(values["title"])
        return values.get(path)

    translate_with_localize(obj, locale=locale, translate=translate)


def steps() -> list[tuple[str, Callable[[], None]]]:
    """Core's demo step: the locales every other step writes in."""
    return [("locales", create_locales)]


def ui_text(message: str, code: str) -> str:
    """An interface string in another language, for the titles of section pages."""
    with translation.override(code):
        return translation.gettext(message)
