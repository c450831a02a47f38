"""Glossary terms in the site search."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from roundtable.content.selectors import active_locale
from roundtable.glossary.selectors import glossary_terms
from roundtable.search.registry import Result, ResultGroup


def search_glossary(*, query: str, also: list[str], request, limit: int) -> ResultGroup:
    terms = glossary_terms(locale=active_locale(), query=query)
    base = reverse("glossary:index")
    return ResultGroup(
        key="glossary",
        label=_("Glossary"),
        results=[
            Result(
                title=term.term,
                url=f"{base}?{urlencode({'q': query})}#{term.slug}",
                snippet=term.definition,
                language=term.locale.language_code,
            )
            for term in terms[:limit]
        ],
        total=terms.count(),
        more_url=f"{base}?{urlencode({'q': query})}",
    )
