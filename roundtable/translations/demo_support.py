"""Translate demo content through wagtail-localize, exactly as a translator would.

The demo's translations go through the real workflow (a translation source, segment
translations, a synchronised target page), so the dashboard and the "partly translated"
notices show true figures, not a special case for demo data.
"""

from collections.abc import Callable

from django.db import transaction
from django.db.models import Model
from django.utils.safestring import SafeString
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

# Maps a segment's context path ("title", "body.<block id>.text") to its translation, or
# None to leave that segment untranslated. A safe string is HTML with the source's links
# numbered as wagtail-localize numbers them (<a id="a1">…</a>); anything else is text.
SegmentTranslator = Callable[[str], str | None]


@transaction.atomic
def translate_with_localize(
    source_object: Model, *, locale: Locale, translate: SegmentTranslator
) -> Model:
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
