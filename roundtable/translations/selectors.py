"""How far each translation has come: one computation for the page notice and the dashboard.

A translation's progress is counted in wagtail-localize segments (one per sentence-level
string). A translation is:
- missing: no version of the item exists in that language;
- outdated: the source changed after the translation was last synchronised with it;
- partial: some segments have no translation yet (N of M);
- machine: every segment is translated, some by a machine and not yet reviewed;
- complete: every segment translated by a person.
Queries do not grow with the number of items: each step is one query per kind of item.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from django.db import models
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


class State(models.TextChoices):
    MISSING = "missing", _("Missing")
    OUTDATED = "outdated", _("Outdated")
    PARTIAL = "partial", _("Partial")
    MACHINE = "machine", _("Machine-translated, not reviewed")
    COMPLETE = "complete", _("Complete")


@dataclass(frozen=True)
class Progress:
    state: str
    translated: int = 0
    total: int = 0
    target_id: int | None = None

    @property
    def percent(self) -> int:
        # Rounded down: a page with one segment missing never claims 100 %.
        return 100 if not self.total else self.translated * 100 // self.total

    @property
    def state_label(self) -> str:
        return State(self.state).label


@dataclass
class ItemRow:
    """One translatable item in its source language, with its progress in each language."""

    obj: models.Model
    kind: str
    kind_label: str
    progress: dict[str, Progress] = field(default_factory=dict)


def changed_at(obj: models.Model) -> datetime | None:
    """When the content of a source last changed, as readers see it."""
    if isinstance(obj, Page):
        return obj.last_published_at or obj.latest_revision_created_at
    return getattr(obj, "updated_at", None)


def _translation_counts(source_ids: Iterable[int]) -> dict[tuple[int, int], tuple[int, int, bool]]:
    """(source id, target locale id) -> (segments, translated segments, any machine string)."""
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )

    def _count(queryset):
        counted = queryset.values("source_id").annotate(n=Count("pk")).values("n")
        return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))

    machine = StringTranslation.objects.filter(
        locale_id=OuterRef("target_locale_id"),
        context__object_id=OuterRef("source__object_id"),
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )
    rows = (
        Translation.objects.filter(source_id__in=list(source_ids))
        .annotate(
            total=_count(segments),
            done=_count(segments.filter(Exists(translated))),
            machine=Exists(machine),
        )
        .values_list("source_id", "target_locale_id", "total", "done", "machine")
    )
    return {(s, loc): (total, done, machine) for s, loc, total, done, machine in rows}


def _versions(model: type[models.Model], keys: Sequence[UUID]) -> dict:
    """translation_key -> {locale id: (object id, changed at)} for every language version."""
    base = Page if issubclass(model, Page) else model
    fields = ["translation_key", "locale_id", "pk"]
    if base is Page:
        rows = base.objects.filter(translation_key__in=keys).values_list(
            *fields, "last_published_at", "latest_revision_created_at"
        )
        rows = [(k, loc, pk, published or revised) for k, loc, pk, published, revised in rows]
    else:
        has_updated = any(f.name == "updated_at" for f in model._meta.get_fields())
        extra = ["updated_at"] if has_updated else []
        rows = base.objects.filter(translation_key__in=keys).values_list(*fields, *extra)
        rows = [(row[0], row[1], row[2], row[3] if extra else None) for row in rows]
    versions: dict = defaultdict(dict)
    for key, locale_id, pk, changed in rows:
        versions[key][locale_id] = (pk, changed)
    return versions


def progress_for(items: Sequence[models.Model], locales: Sequence[Locale]) -> dict:
    """(translation key, locale id) -> Progress, for source items against target locales."""
    if not items:
        return {}
    keys_by_model: dict[type, list] = defaultdict(list)
    for item in items:
        base = Page if isinstance(item, Page) else type(item)
        keys_by_model[base].append(item.translation_key)
    versions: dict = {}
    for model, keys in keys_by_model.items():
        versions.update(_versions(model, keys))
    sources = {
        (s.object_id, s.locale_id): s
        for s in TranslationSource.objects.filter(
            object_id__in=[item.translation_key for item in items]
        ).only("id", "object_id", "locale_id", "last_updated_at")
    }
    counts = _translation_counts(s.pk for s in sources.values())
    result = {}
    for item in items:
        source = sources.get((item.translation_key, item.locale_id))
        source_changed = changed_at(item)
        for locale in locales:
            if locale.pk == item.locale_id:
                continue
            version = versions.get(item.translation_key, {}).get(locale.pk)
            key = (item.translation_key, locale.pk)
            if version is None:
                result[key] = Progress(State.MISSING)
                continue
            target_id, target_changed = version
            count = counts.get((source.pk, locale.pk)) if source else None
            if count is None:
                # Translated by hand outside the workflow: compare the two versions' dates.
                outdated = bool(
                    source_changed and target_changed and source_changed > target_changed
                )
                state = State.OUTDATED if outdated else State.COMPLETE
                result[key] = Progress(state, target_id=target_id)
                continue
            total, done, machine = count
            if source_changed and source_changed > source.last_updated_at:
                state = State.OUTDATED
            elif done < total:
                state = State.PARTIAL
            elif machine:
                state = State.MACHINE
            else:
                state = State.COMPLETE
            result[key] = Progress(state, translated=done, total=total, target_id=target_id)
    return result


@dataclass(frozen=True)
class PageTranslation:
    """What a reader of a translated page needs to know about it."""

    progress: Progress
    source: Page
    source_language: str
    untranslated_fields: frozenset[str]
    untranslated_blocks: frozenset[str]

    @property
    def is_incomplete(self) -> bool:
        return self.progress.state in (State.PARTIAL, State.OUTDATED, State.MACHINE)


def page_translation(page: Page) -> PageTranslation | None:
    """The translation status of `page`, or None when it is a source or not a translation."""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .first()
    )
    if source is None:
        return None
    original = (
        Page.objects.filter(translation_key=page.translation_key, locale_id=source.locale_id)
        .specific()
        .first()
    )
    if original is None:
        return None
    progress = progress_for([original], [page.locale])[(page.translation_key, page.locale_id)]
    missing = StringSegment.objects.filter(source=source).exclude(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=page.locale_id,
                has_error=False,
            )
        )
    )
    fields, blocks = set(), set()
    for path in missing.values_list("context__path", flat=True):
        # "title", "intro", or "body.<block id>[.<child>]" for StreamField blocks.
        parts = path.split(".")
        fields.add(parts[0])
        if len(parts) > 1:
            blocks.add(parts[1])
    return PageTranslation(
        progress=progress,
        source=original,
        source_language=source.locale.language_code,
        untranslated_fields=frozenset(fields),
        untranslated_blocks=frozenset(blocks),
    )
