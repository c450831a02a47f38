"""Fictional library entries in bulk, for benchmarks and load tests.

The words come from the demo's own multilingual texts (glossary, topics, articles), so the
generated entries have realistic vocabulary in every shipped language and alphabet.
"""

import json
import random
import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from tqdm import tqdm
from wagtail.models import Locale

from roundtable.content.models import Topic
from roundtable.core.text import fold
from roundtable.library.models import DocumentLanguage, EntryCountry, Kind, LibraryEntry

CONTENT_DATA = Path(settings.BASE_DIR) / "roundtable" / "content" / "demo_data"
BATCH = 1000
COUNTRIES = ["AL", "XK", "ME", "RS", "BA", "HR", "MK", "MD", "RO", "BG", "HU"]
PUBLISHERS = [
    "Regional Child Protection Network",
    "Institute for Social Protection",
    "Children's Rights Centre",
    "Association of Social Workers",
    "Centre for Family Support",
]


def _word_pools() -> dict[str, list[str]]:
    """Sentences per language from the demo texts."""
    pools: dict[str, list[str]] = {code: [] for code, _name in settings.LANGUAGES}
    glossary = json.loads((CONTENT_DATA / "glossary.json").read_text(encoding="utf-8"))
    for entry in glossary:
        for code, wording in entry["entries"].items():
            pools[code].append(f"{wording['term']}. {wording['definition']}")
    topics = json.loads((CONTENT_DATA / "topics.json").read_text(encoding="utf-8"))
    for topic in topics:
        for code, label in topic["labels"].items():
            pools[code].append(label)
    return pools


def generate_entries(*, count: int, seed: int = 5, progress: bool = True) -> int:
    """Create `count` published entries; returns how many were created."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fake data
    pools = _word_pools()
    codes = [code for code in pools if pools[code]]
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    english = locales[settings.LANGUAGE_CODE]
    topic_ids = list(Topic.objects.filter(locale=english).values_list("pk", flat=True))
    for code in codes:
        DocumentLanguage.objects.get_or_create(code=code)
    start = LibraryEntry.objects.count()
    kinds = list(Kind.values)
    created = 0
    with tqdm(total=count, desc="library entries", unit="entry", disable=not progress) as bar:
        for offset in range(0, count, BATCH):
            size = min(BATCH, count - offset)
            with transaction.atomic():
                entries = []
                languages = []
                for number in range(start + offset, start + offset + size):
                    language = rng.choice(codes)
                    pool = pools[language]
                    title = rng.choice(pool).split(".")[0][:120]
                    summary = " ".join(rng.sample(pool, min(3, len(pool))))[:600]
                    text = " ".join(rng.choices(pool, k=12))
                    year = rng.randint(2005, 2026)
                    entry = LibraryEntry(
                        title=f"{title} ({year})",
                        slug=f"generated-{number}",
                        summary=summary,
                        kind=rng.choice(kinds),
                        publisher=rng.choice(PUBLISHERS),
                        year=year,
                        locale=locales.get(language, english),
                        translation_key=uuid.uuid4(),
                        live=True,
                    )
                    entry.search_folded = fold(
                        " ".join([entry.title, summary, entry.publisher, str(year), text])
                    )
                    entries.append(entry)
                    languages.append(language)
                LibraryEntry.objects.bulk_create(entries)
                LibraryEntry.languages.through.objects.bulk_create(
                    [
                        LibraryEntry.languages.through(
                            libraryentry_id=e.pk, documentlanguage_id=code
                        )
                        for e, code in zip(entries, languages, strict=True)
                    ]
                )
                EntryCountry.objects.bulk_create(
                    [
                        EntryCountry(entry_id=e.pk, country=country)
                        for e in entries
                        for country in rng.sample(COUNTRIES, rng.randint(1, 2))
                    ]
                )
                if topic_ids:
                    LibraryEntry.topics.through.objects.bulk_create(
                        [
                            LibraryEntry.topics.through(libraryentry_id=e.pk, topic_id=topic_id)
                            for e in entries
                            for topic_id in rng.sample(topic_ids, min(2, len(topic_ids)))
                        ]
                    )
            created += size
            bar.update(size)
    return created
