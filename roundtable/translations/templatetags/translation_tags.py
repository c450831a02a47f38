"""Template helpers that mark untranslated parts of a page with their source language."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from roundtable.translations.selectors import PageTranslation, page_translation

register = template.Library()


@register.simple_tag(takes_context=True)
def page_translation_status(context, page) -> PageTranslation | None:
    """The page's translation status, computed once per request."""
    request = context.get("request")
    cache_name = f"_translation_status_{page.pk}"
    if request is not None and hasattr(request, cache_name):
        return getattr(request, cache_name)
    status = page_translation(page)
    if request is not None:
        setattr(request, cache_name, status)
    return status


def _untranslated_attributes(status: PageTranslation) -> SafeString:
    # The label is in the reader's language; CSS shows it above the untranslated part.
    language = get_language_info(status.source_language)["name_translated"]
    label = _("Not yet translated — original in %(language)s") % {"language": language}
    return format_html(' lang="{}" data-untranslated="{}"', status.source_language, label)


@register.simple_tag
def source_lang_field(status: PageTranslation | None, field_name: str) -> SafeString:
    """` lang="en"` on an element whose field is still shown in the source language."""
    if status is not None and field_name in status.untranslated_fields:
        return _untranslated_attributes(status)
    return SafeString("")


@register.simple_tag
def source_lang_block(status: PageTranslation | None, block_id: str) -> SafeString:
    """` lang="en"` on a StreamField block that is still shown in the source language."""
    if status is not None and block_id in status.untranslated_blocks:
        return _untranslated_attributes(status)
    return SafeString("")
