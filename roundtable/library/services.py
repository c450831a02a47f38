"""Writes of the library: files and their text, the search text, downloads, reading lists
and members' suggestions."""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from roundtable.content.models import Topic
from roundtable.core import deid_forms
from roundtable.core.text import fold
from roundtable.library.extraction import ExtractionError, extract_text
from roundtable.library.models import (
    DocumentLanguage,
    ExtractionStatus,
    Kind,
    LibraryEntry,
    LibraryFile,
    ReadingListItem,
    SuggestionSubmission,
)
from roundtable.library.uploads import validate_library_upload
from roundtable.notifications import kinds
from roundtable.notifications.services import notification_send

SEARCH_TEXT_LIMIT = 60_000
SUGGESTIONS_PER_DAY = 5
SUGGESTION_RECEIVED = "library_suggestion_received"
kinds.register(
    SUGGESTION_RECEIVED,
    gettext_lazy("A member suggested a document for the library: “%(title)s”. Please review it."),
)


def library_editors():
    """Everyone who may publish library entries."""
    User = get_user_model()
    can_edit = (
        Q(is_superuser=True)
        | Q(groups__permissions__codename="publish_libraryentry")
        | Q(user_permissions__codename="publish_libraryentry")
    )
    return User.objects.filter(can_edit, is_active=True).distinct()


def search_text_for(entry: LibraryEntry, *, topic_labels: list[str], file_texts: list[str]) -> str:
    parts = [
        entry.title,
        entry.summary,
        entry.publisher,
        entry.authors,
        str(entry.year or ""),
        *topic_labels,
        *file_texts,
    ]
    return fold(" ".join(part for part in parts if part))[:SEARCH_TEXT_LIMIT]


def library_changed() -> None:
    """Invalidate cached search facets: the next search counts afresh."""
    from django.core.cache import cache

    from roundtable.library.selectors import _VERSION_KEY, library_version

    library_version()
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:  # the key expired between the two calls
        cache.set(_VERSION_KEY, 1, None)


def entry_reindex(*, translation_key) -> None:
    """Recompute the folded search text of every language version of one entry.

    Topic labels are added in every language, so a reader finds an English entry by typing
    its topic in Albanian.
    """
    versions = list(LibraryEntry.objects.filter(translation_key=translation_key))
    if not versions:
        return
    topic_keys = Topic.objects.filter(
        pk__in=LibraryEntry.topics.through.objects.filter(
            libraryentry_id__in=[v.pk for v in versions]
        ).values("topic_id")
    ).values("translation_key")
    labels = list(
        Topic.objects.filter(translation_key__in=topic_keys).values_list("name", flat=True)
    )
    texts = list(
        LibraryFile.objects.filter(entry__translation_key=translation_key)
        .values_list("extracted_text", flat=True)
        .distinct()
    )
    for version in versions:
        LibraryEntry.objects.filter(pk=version.pk).update(
            search_folded=search_text_for(version, topic_labels=labels, file_texts=texts)
        )
    transaction.on_commit(library_changed)


@task()
def reindex_entry_task(*, translation_key: str) -> None:
    entry_reindex(translation_key=translation_key)


@task()
def extract_file_text(*, file_id: int) -> str:
    """Extract a file's text for search. A failure is recorded for editors, never raised to
    readers."""
    item = LibraryFile.objects.select_related("entry").filter(pk=file_id).first()
    if item is None:
        return "missing"
    try:
        with item.file.open("rb") as handle:
            content = handle.read()
        item.extracted_text = extract_text(content, item.file_type)
        item.extraction_status = ExtractionStatus.DONE
        item.extraction_error = ""
    except (ExtractionError, OSError) as error:
        item.extracted_text = ""
        item.extraction_status = ExtractionStatus.FAILED
        item.extraction_error = str(error)[:500]
    item.save(update_fields=["extracted_text", "extraction_status", "extraction_error"])
    entry_reindex(translation_key=item.entry.translation_key)
    return item.extraction_status


def file_prepare(item: LibraryFile) -> None:
    """Record size and type of a newly uploaded file (validated already)."""
    item.size = item.file.size
    item.file_type = item.file.name.rsplit(".", 1)[-1].lower()


def file_schedule_extraction(item: LibraryFile) -> None:
    transaction.on_commit(lambda: extract_file_text.enqueue(file_id=item.pk))


def download_record(item: LibraryFile) -> None:
    """Count one download, on the file and on the entry (for "most downloaded")."""
    LibraryFile.objects.filter(pk=item.pk).update(download_count=F("download_count") + 1)
    LibraryEntry.objects.filter(translation_key=item.entry.translation_key).update(
        download_count=F("download_count") + 1
    )


def reading_list_add(*, user: AbstractBaseUser, entry: LibraryEntry) -> ReadingListItem:
    item, _created = ReadingListItem.objects.get_or_create(user=user, entry=entry)
    return item


def reading_list_remove(*, user: AbstractBaseUser, entry: LibraryEntry) -> None:
    ReadingListItem.objects.filter(user=user, entry__translation_key=entry.translation_key).delete()


def reading_list_item_remove(*, user: AbstractBaseUser, item_id: int) -> None:
    """Remove one item of `user`'s own reading list. Another member's item is never
    touched, and removing an item already gone changes nothing (a resent form)."""
    ReadingListItem.objects.filter(user=user, pk=item_id).delete()


@transaction.atomic
def suggestion_create(
    *,
    user: AbstractBaseUser,
    locale,
    title: str,
    summary: str,
    kind: str,
    language: str,
    publisher: str = "",
    year: int | None = None,
    upload=None,
    external_url: str = "",
    confirmed: set[str] | None = None,
    submit_key: uuid.UUID | None = None,
) -> LibraryEntry:
    """A member suggests a document: a draft entry that editors review before it is public.

    Everything is checked before anything is written; the upload and the entry are saved
    together or not at all.
    """
    submission = None
    if submit_key is not None:
        # Claimed before the upload is written: a second sending of the same form waits
        # here for the first, then fails on the unique key (see suggestion_submit).
        submission = SuggestionSubmission.objects.create(key=submit_key, user=user)
    since = timezone.now() - datetime.timedelta(days=1)
    if (
        LibraryEntry.objects.filter(submitted_by=user, created_at__gte=since).count()
        >= SUGGESTIONS_PER_DAY
    ):
        raise PermissionDenied(
            _("You have suggested many documents today. Please try again tomorrow.")
        )
    if kind not in Kind.values:
        raise ValidationError({"kind": _("Choose a kind of document.")})
    # What the member writes about the document, its file's name too: checked like a post.
    deid_forms.check(
        texts=[("title", title), ("summary", summary)],
        file_names=[("upload", upload.name)] if upload is not None and upload.name else [],
        confirmed=confirmed or set(),
    )
    if upload is None and not external_url:
        raise ValidationError(_("Attach the document or give a link to it."))
    if upload is not None:
        validate_library_upload(upload)
    slug_base = fold(title).replace(" ", "-")[:80].strip("-") or "document"
    slug = slug_base
    number = 1
    while LibraryEntry.objects.filter(locale=locale, slug=slug).exists():
        number += 1
        slug = f"{slug_base}-{number}"
    entry = LibraryEntry(
        title=title,
        slug=slug,
        summary=summary,
        kind=kind,
        publisher=publisher,
        year=year,
        external_url=external_url,
        locale=locale,
        live=False,
        submitted_by=user,
    )
    entry.full_clean(exclude=["slug"])
    entry.save()
    language_row, _created = DocumentLanguage.objects.get_or_create(code=language)
    entry.languages.add(language_row)
    if upload is not None:
        item = LibraryFile(entry=entry, file=upload, language=language)
        file_prepare(item)
        item.save()
        file_schedule_extraction(item)
    if submission is not None:
        SuggestionSubmission.objects.filter(pk=submission.pk).update(entry=entry)
    notification_send(
        recipients=list(library_editors()),
        kind=SUGGESTION_RECEIVED,
        params={"title": title},
        url=reverse("wagtailsnippets_library_libraryentry:edit", args=[entry.pk]),
    )
    return entry


def _suggested(*, user: AbstractBaseUser, submit_key: uuid.UUID | None) -> LibraryEntry | None:
    if submit_key is None:
        return None
    earlier = SuggestionSubmission.objects.filter(key=submit_key).select_related("entry").first()
    if earlier is None:
        return None
    if earlier.user_id != user.pk or earlier.entry is None:
        raise ValidationError(_("This form was already sent. Reload the page and write again."))
    return earlier.entry


def suggestion_submit(
    *, user: AbstractBaseUser, submit_key: uuid.UUID | None, **fields
) -> LibraryEntry:
    """`suggestion_create` once per form: the same form sent again returns the first
    entry, without an error and without a second draft."""
    earlier = _suggested(user=user, submit_key=submit_key)
    if earlier is not None:
        return earlier
    try:
        return suggestion_create(user=user, submit_key=submit_key, **fields)
    except IntegrityError:
        earlier = _suggested(user=user, submit_key=submit_key)
        if earlier is None:
            raise
        return earlier


def suggestions_waiting() -> int:
    return LibraryEntry.objects.filter(live=False, submitted_by__isnull=False).count()
