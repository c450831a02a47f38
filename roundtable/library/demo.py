"""Demo library: about forty fictional entries with real, extractable PDFs in several
languages (texts and files in `demo_data/`, written for Roundtable)."""

import json
from pathlib import Path

from django.conf import settings
from django.core.files import File
from wagtail.models import Locale

from roundtable.content.models import SeriesPage, Topic
from roundtable.library.extraction import extract_text
from roundtable.library.models import (
    DocumentLanguage,
    EntryCountry,
    ExtractionStatus,
    LibraryEntry,
    LibraryFile,
)
from roundtable.library.services import entry_reindex

ORDER = 30
DATA = Path(__file__).parent / "demo_data"
SERIES_TOPIC = "multi-disciplinary-team-work"


def create_entries() -> None:
    entries = json.loads((DATA / "library.json").read_text(encoding="utf-8"))
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    series = SeriesPage.objects.filter(locale=english).first()
    for data in entries:
        locale = Locale.objects.get(language_code=data["locale"])
        if LibraryEntry.objects.filter(locale=locale, slug=data["slug"]).exists():
            continue
        entry = LibraryEntry.objects.create(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            kind=data["kind"],
            publisher=data["publisher"],
            authors=data["authors"],
            year=data["year"],
            external_url=data.get("external_url", ""),
            series=series if SERIES_TOPIC in data["topics"] else None,
            locale=locale,
            live=True,
        )
        for code in data["languages"]:
            entry.languages.add(DocumentLanguage.objects.get_or_create(code=code)[0])
        entry.topics.set(Topic.objects.filter(locale=english, slug__in=data["topics"]))
        entry.save()
        EntryCountry.objects.bulk_create(
            [EntryCountry(entry=entry, country=country) for country in data["countries"]]
        )
        for position, item in enumerate(data.get("files", [])):
            path = DATA / "files" / item["filename"]
            content = path.read_bytes()
            with path.open("rb") as handle:
                LibraryFile.objects.create(
                    entry=entry,
                    sort_order=position,
                    file=File(handle, name=item["filename"]),
                    language=item["language"],
                    size=len(content),
                    file_type="pdf",
                    # Extracted here, so the demo is searchable before the worker runs.
                    extracted_text=extract_text(content, "pdf"),
                    extraction_status=ExtractionStatus.DONE,
                )
        entry_reindex(translation_key=entry.translation_key)


def steps():
    return [("library", create_entries)]
