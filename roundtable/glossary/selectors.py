"""Reads of the glossary: the reader's list, and cross-language matching for search."""

from collections import defaultdict

from django.db.models import Max, Q, QuerySet
from wagtail.models import Locale

from roundtable.content.selectors import in_reader_language
from roundtable.core.text import fold
from roundtable.glossary.models import Term

MAX_QUERY_WORDS = 8


def _matching_keys(query: str) -> QuerySet:
    """Translation keys of terms whose wording, in any language, contains every query word."""
    words = fold(query).split()[:MAX_QUERY_WORDS]
    condition = Q()
    for word in words:
        condition &= Q(term_folded__contains=word)
    return Term.objects.filter(condition).values("translation_key")


def glossary_terms(*, locale: Locale, query: str = "") -> QuerySet[Term]:
    """Terms in the reader's language (source wording where untranslated), A to Z.

    A query typed in any language finds the term: "okrugli sto" finds "case conference"
    for an English reader.
    """
    terms = in_reader_language(Term.objects.all(), locale=locale)
    if query.strip():
        terms = terms.filter(translation_key__in=_matching_keys(query))
    return terms.select_related("locale").order_by("term_folded", "pk")


def other_languages(terms: list[Term]) -> dict:
    """translation_key -> the term's wordings in the other languages (one query)."""
    wordings = defaultdict(list)
    rows = (
        Term.objects.filter(translation_key__in=[t.translation_key for t in terms])
        .select_related("locale")
        .order_by("locale__language_code")
    )
    shown = {t.pk for t in terms}
    for row in rows:
        if row.pk not in shown:
            wordings[row.translation_key].append(row)
    return wordings


def equivalent_wordings(query: str) -> list[str]:
    """Folded wordings, in every language, of the glossary terms that `query` names.

    Site search adds these to a query so that a term typed in one language also finds
    content written with its agreed equivalent in another.
    """
    folded = fold(query)
    if not folded:
        return []
    keys = [
        key
        for key, wording in Term.objects.values_list("translation_key", "term_folded")
        if wording and wording in folded
    ]
    if not keys:
        return []
    return sorted(
        set(Term.objects.filter(translation_key__in=keys).values_list("term_folded", flat=True))
    )


def glossary_last_changed():
    """When any term, in any language, last changed (None for an empty glossary)."""
    return Term.objects.aggregate(latest=Max("updated_at"))["latest"]
