"""Reads of the library: faceted search, an entry with its files, related and popular lists."""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import get_language, get_language_info
from django_countries import countries
from wagtail.models import Locale

from roundtable.content.models import Topic
from roundtable.content.selectors import active_locale, in_reader_language
from roundtable.glossary.selectors import equivalent_wordings
from roundtable.library.models import EntryCountry, Kind, LibraryEntry, LibraryFile, ReadingListItem
from roundtable.search.fts import fts_filter, fts_ranked, no_relevance, query_words

RELATED_COUNT = 5
POPULAR_COUNT = 5


@dataclass(frozen=True)
class LibraryQuery:
    text: str = ""
    kind: str = ""
    language: str = ""
    country: str = ""
    topic: str = ""
    year: int | None = None
    sort: str = "relevance"  # or "date"


@dataclass
class Facets:
    total: int = 0
    kind: list = field(default_factory=list)
    language: list = field(default_factory=list)
    country: list = field(default_factory=list)
    topic: list = field(default_factory=list)
    year: list = field(default_factory=list)


def live_entries(*, locale: Locale) -> QuerySet[LibraryEntry]:
    """Published entries in the reader's language, or in their original language if not
    translated into it. (A cheaper form of `content.selectors.in_reader_language`, which
    matters at 100,000 entries: no per-row lookup, no join.)"""
    # Only translations (not originals) in the reader's language can hide an original, and
    # they are few: the subquery stays small however large the library grows.
    translations = LibraryEntry.objects.filter(live=True, locale=locale, is_source=False)
    # The folded search text (up to 60,000 characters) is never displayed: leave it in the
    # database, or every listing would carry it through sorts and into Python.
    return (
        LibraryEntry.objects.filter(live=True)
        .filter(
            Q(locale=locale)
            | (Q(is_source=True) & ~Q(translation_key__in=translations.values("translation_key")))
        )
        .defer("search_folded")
    )


def _apply_filters(entries: QuerySet, query: LibraryQuery, *, skip: str = "") -> QuerySet:
    if query.kind and skip != "kind":
        entries = entries.filter(kind=query.kind)
    if query.language and skip != "language":
        entries = entries.filter(languages__code=query.language)
    if query.country and skip != "country":
        entries = entries.filter(country_rows__country=query.country)
    if query.topic and skip != "topic":
        keys = Topic.objects.filter(slug=query.topic).values("translation_key")
        entries = entries.filter(topics__translation_key__in=keys)
    if query.year and skip != "year":
        entries = entries.filter(year=query.year)
    return entries


def library_search(*, locale: Locale, query: LibraryQuery) -> tuple[QuerySet, Facets]:
    """Matching entries (ordered) and facet counts over the text match and the other filters.

    A glossary term typed in one language also matches its agreed wording in the others.
    """
    entries = live_entries(locale=locale)
    searching = bool(query_words(query.text))
    also = equivalent_wordings(query.text) if searching else []
    if searching:
        entries = fts_filter(entries, field="search_folded", query=query.text, also=also)
    matched = _apply_filters(entries, query)
    if searching and query.sort != "date":
        ordered = fts_ranked(matched, field="search_folded", query=query.text, also=also)
        ordered = ordered.order_by("-relevance", "-year", "-pk")
    else:
        ordered = no_relevance(matched).order_by("-year", "-created_at", "-pk")
    return ordered.select_related("locale"), _cached_facets(entries, query, locale=locale)


FACETS_CACHE_SECONDS = 600
_VERSION_KEY = "library:version"


def library_version() -> int:
    """Bumped whenever an entry changes (see `services.library_changed`): cached facet
    counts from before the change are never read again."""
    version = cache.get(_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(_VERSION_KEY, version, None)
    return version


def _cached_facets(entries: QuerySet, query: LibraryQuery, *, locale: Locale) -> Facets:
    """Facet counts are the costly part of a search (one pass over the matches per facet);
    the same search, by anyone, reuses them until the library changes."""
    words = " ".join(query_words(query.text))
    signature = repr(
        (
            locale.pk,
            get_language(),
            words,
            query.kind,
            query.language,
            query.country,
            query.topic,
            query.year,
        )
    )
    key = f"library:facets:{library_version()}:{hashlib.sha256(signature.encode()).hexdigest()}"
    facets = cache.get(key)
    if facets is None:
        facets = _facets(entries, query)
        cache.set(key, facets, FACETS_CACHE_SECONDS)
    return facets


def _facets(entries: QuerySet, query: LibraryQuery) -> Facets:
    """Counts per value; each facet ignores its own filter, so choosing one value still
    shows how many the other values would give."""
    facets = Facets()
    kind_labels = dict(Kind.choices)
    rows = (
        _apply_filters(entries, query, skip="kind")
        .order_by()
        .values("kind")
        .annotate(n=Count("pk"))
    )
    facets.kind = sorted(
        [(row["kind"], kind_labels.get(row["kind"], row["kind"]), row["n"]) for row in rows],
        key=lambda item: -item[2],
    )
    # Every entry has exactly one kind, so the kind counts also give the number of results
    # (saving a COUNT over the whole match).
    facets.total = sum(n for kind, _label, n in facets.kind if not query.kind or kind == query.kind)
    ids = _apply_filters(entries, query, skip="language").order_by().values("pk")
    rows = (
        LibraryEntry.languages.through.objects.filter(libraryentry_id__in=ids)
        .values("documentlanguage_id")
        .annotate(n=Count("libraryentry_id"))
    )

    def language_name(code: str) -> str:
        try:
            return get_language_info(code)["name_translated"]
        except KeyError:
            return code

    facets.language = sorted(
        [(r["documentlanguage_id"], language_name(r["documentlanguage_id"]), r["n"]) for r in rows],
        key=lambda item: -item[2],
    )
    ids = _apply_filters(entries, query, skip="country").order_by().values("pk")
    rows = (
        EntryCountry.objects.filter(entry_id__in=ids)
        .values("country")
        .annotate(n=Count("entry_id"))
    )
    facets.country = sorted(
        [(r["country"], countries.name(r["country"]) or r["country"], r["n"]) for r in rows],
        key=lambda item: -item[2],
    )
    ids = _apply_filters(entries, query, skip="topic").order_by().values("pk")
    rows = (
        LibraryEntry.topics.through.objects.filter(libraryentry_id__in=ids)
        .values("topic__translation_key")
        .annotate(n=Count("libraryentry_id"))
    )
    counts = {row["topic__translation_key"]: row["n"] for row in rows}
    topics = in_reader_language(
        Topic.objects.filter(translation_key__in=list(counts)), locale=active_locale()
    )
    facets.topic = sorted(
        [(t.slug, t.name, counts[t.translation_key]) for t in topics], key=lambda item: -item[2]
    )
    rows = (
        _apply_filters(entries, query, skip="year")
        .exclude(year=None)
        .order_by()
        .values("year")
        .annotate(n=Count("pk"))
    )
    facets.year = sorted([(r["year"], str(r["year"]), r["n"]) for r in rows], key=lambda i: -i[0])
    return facets


def entry_get(*, locale: Locale, slug: str, viewer=None) -> LibraryEntry:
    """A published entry by slug, in the reader's language where translated. Drafts (members'
    suggestions under review) are visible to their author and to editors only."""
    candidates = LibraryEntry.objects.filter(slug=slug).select_related("locale", "series")
    entry = candidates.filter(locale=locale, live=True).first()
    if entry is None:
        entry = candidates.filter(live=True).order_by("pk").first()
    if entry is None and viewer is not None and viewer.is_authenticated:
        draft = candidates.first()
        if draft and (
            draft.submitted_by_id == viewer.pk or viewer.has_perm("library.change_libraryentry")
        ):
            entry = draft
    if entry is None:
        raise Http404
    return entry


def entry_files(entry: LibraryEntry) -> list[LibraryFile]:
    """Files of the entry's source version (translations share the same files)."""
    source_ids = LibraryEntry.objects.filter(translation_key=entry.translation_key).values("pk")
    files = LibraryFile.objects.filter(entry_id__in=source_ids).order_by("sort_order", "pk")
    unique = {}
    for item in files:
        unique.setdefault(item.file.name, item)
    return list(unique.values())


def entry_topics(entry: LibraryEntry, *, locale: Locale) -> list[Topic]:
    """The entry's topics named in the reader's language (`locale`), as the facets name
    them, whatever the entry's own language; a topic not translated yet keeps its source
    name, and its `locale` (loaded) tells the page which `lang` that name is in."""
    keys = {topic.translation_key for topic in entry.topics.all()}
    if not keys:
        return []
    topics = in_reader_language(
        Topic.objects.filter(translation_key__in=keys), locale=locale
    ).select_related("locale")
    # One name per topic, even for a topic with versions in two non-source languages only.
    unique = {}
    for topic in sorted(topics, key=lambda t: (t.locale_id != locale.pk, t.pk)):
        unique.setdefault(topic.translation_key, topic)
    return sorted(unique.values(), key=lambda t: t.name.casefold())


def entry_countries(entry: LibraryEntry) -> list[str]:
    return list(entry.country_rows.values_list("country", flat=True))


def related_entries(entry: LibraryEntry, *, locale: Locale) -> list[LibraryEntry]:
    """Other entries sharing a topic or the series, most downloaded first."""
    topic_keys = [t.translation_key for t in entry.topics.all()]
    related = live_entries(locale=locale).exclude(translation_key=entry.translation_key)
    condition = Q(topics__translation_key__in=topic_keys)
    if entry.series_id:
        condition |= Q(series_id=entry.series_id)
    matching_ids = related.filter(condition).values("pk")
    return list(
        LibraryEntry.objects.filter(pk__in=matching_ids)
        .defer("search_folded")
        .select_related("locale")
        .order_by("-download_count", "-year", "pk")[:RELATED_COUNT]
    )


def most_downloaded(*, locale: Locale) -> list[LibraryEntry]:
    return list(
        live_entries(locale=locale)
        .select_related("locale")
        .order_by("-download_count", "-pk")[:POPULAR_COUNT]
    )


def _may_read_draft_files(user) -> Q:
    if not user.is_authenticated:
        return Q(pk__in=[])
    if user.has_perm("library.publish_libraryentry") or user.has_perm(
        "library.change_libraryentry"
    ):
        return Q(pk__isnull=False)  # every file (an empty Q() would vanish in an OR)
    return Q(entry__submitted_by=user)


def file_get_for_download(
    *, file_id: int | None = None, name: str = "", viewer=None
) -> LibraryFile:
    """A file of a published entry, for anyone; a draft's file only for its uploader and the
    editors. Everyone else gets 404, whether or not the file exists."""
    from django.contrib.auth.models import AnonymousUser

    viewer = viewer or AnonymousUser()
    files = LibraryFile.objects.select_related("entry")
    files = files.filter(pk=file_id) if file_id is not None else files.filter(file=name)
    item = files.filter(Q(entry__live=True) | _may_read_draft_files(viewer)).first()
    if item is None:
        raise Http404
    return item


def reading_list_for(*, user) -> QuerySet[ReadingListItem]:
    """A member's own reading list; nobody else's is reachable."""
    return ReadingListItem.objects.filter(user=user, entry__live=True).select_related(
        "entry", "entry__locale"
    )


def in_reading_list(*, user, entry: LibraryEntry) -> bool:
    if not user.is_authenticated:
        return False
    return ReadingListItem.objects.filter(
        user=user, entry__translation_key=entry.translation_key
    ).exists()


HOME_ENTRY_COUNT = 4
SERIES_ENTRY_LIMIT = 50


def home_section(request) -> dict | None:
    entries = list(
        live_entries(locale=active_locale())
        .select_related("locale")
        .order_by("-created_at", "-pk")[:HOME_ENTRY_COUNT]
    )
    return {"entries": entries} if entries else None


def series_entries(series_key, request) -> list[LibraryEntry]:
    return list(
        live_entries(locale=active_locale())
        .filter(series__translation_key=series_key)
        .select_related("locale")
        .order_by("-year", "-pk")[:SERIES_ENTRY_LIMIT]
    )


def published_entries() -> QuerySet[LibraryEntry]:
    """Every published entry in every language: what anyone, signed in or not, may open
    (members' suggestions under review are drafts, not live). For the sitemap."""
    return LibraryEntry.objects.filter(live=True).defer("search_folded")
