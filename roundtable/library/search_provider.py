"""Library entries in the site search."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from roundtable.content.selectors import active_locale
from roundtable.library.selectors import live_entries
from roundtable.search.fts import fts_filter, fts_ranked
from roundtable.search.highlight import highlight
from roundtable.search.registry import Result, ResultGroup


def search_library(*, query: str, also: list[str], request, limit: int) -> ResultGroup:
    entries = fts_filter(
        live_entries(locale=active_locale()), field="search_folded", query=query, also=also
    )
    ranked = fts_ranked(entries, field="search_folded", query=query, also=also)
    top = ranked.select_related("locale").order_by("-relevance", "-year", "-pk")[:limit]
    return ResultGroup(
        key="library",
        label=_("Library"),
        results=[
            Result(
                title=entry.title,
                url=reverse("library:entry", args=[entry.slug]),
                snippet=highlight(entry.summary, query, length=200),
                language=entry.locale.language_code,
                meta=" · ".join(filter(None, [entry.get_kind_display(), str(entry.year or "")])),
            )
            for entry in top
        ],
        total=entries.count(),
        more_url=f"{reverse('library:index')}?{urlencode({'q': query})}",
    )
