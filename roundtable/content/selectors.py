"""Reads of editorial content."""

from django.conf import settings
from django.db.models import QuerySet
from wagtail.models import Locale

from roundtable.content.models import Funder


def funders_for_footer() -> QuerySet[Funder]:
    """Funders in the active language; a funder not yet translated shows in its source."""
    active = Locale.get_active()
    translated_keys = Funder.objects.filter(locale=active).values("translation_key")
    in_active = Funder.objects.filter(locale=active)
    untranslated = Funder.objects.filter(locale__language_code=settings.LANGUAGE_CODE).exclude(
        translation_key__in=translated_keys
    )
    return (
        (in_active | untranslated)
        .filter(show_in_footer=True)
        .select_related("logo", "locale")
        .order_by("position", "name")
    )
