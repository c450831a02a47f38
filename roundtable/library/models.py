"""The digital library: entries (reports, protocols, brochures...) and their files.

Entries are Wagtail snippets: editors write and translate them in the admin, and a plain
Django model keeps 100,000 of them cheap to store, filter and count. Members' suggestions
arrive as drafts (not live) that an editor reviews and publishes.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from roundtable.content.models import Topic
from roundtable.core.uploads import PrivateStorage, neutral_name


class Kind(models.TextChoices):
    REPORT = "report", _("Report")
    RESEARCH = "research", _("Research")
    TOOLKIT = "toolkit", _("Toolkit")
    PROTOCOL = "protocol", _("Protocol or guideline")
    LAW = "law", _("Law or policy")
    BROCHURE = "brochure", _("Brochure")
    TRAINING = "training", _("Training material")
    PRESENTATION = "presentation", _("Presentation")
    VIDEO = "video", _("Video")


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    DONE = "done", _("Text extracted")
    FAILED = "failed", _("Extraction failed")


class DocumentLanguage(models.Model):
    """A language a document exists in (an entry may exist in several)."""

    code = models.CharField(_("code"), max_length=12, primary_key=True)

    class Meta:
        verbose_name = _("document language")
        verbose_name_plural = _("document languages")

    def __str__(self) -> str:
        from django.utils.translation import get_language_info

        # name_translated is a lazy proxy; __str__ must return a real string (forms and the
        # admin's choosers call str() on it).
        try:
            return str(get_language_info(self.code)["name_translated"])
        except KeyError:
            return self.code


class EntryCountry(models.Model):
    """A country an entry is about; a table of its own so that facets count with an index."""

    entry = ParentalKey(
        "library.LibraryEntry", on_delete=models.CASCADE, related_name="country_rows"
    )
    country = models.CharField(_("country"), max_length=2)

    class Meta:
        verbose_name = _("country")
        constraints = [
            models.UniqueConstraint(fields=["entry", "country"], name="unique_entry_country")
        ]
        indexes = [models.Index(fields=["country", "entry"], name="entry_country_idx")]

    def __str__(self) -> str:
        return self.country


class LibraryEntry(TranslatableMixin, DraftStateMixin, RevisionMixin, ClusterableModel):
    # The full-text index lives beside this table (roundtable.search.fts): on SQLite, a
    # migration that rebuilds the table drops its triggers, so such a migration must run
    # `fts_operations` again (it is idempotent).

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120)
    summary = models.TextField(_("summary"), max_length=2000, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    languages = ParentalManyToManyField(
        DocumentLanguage, verbose_name=_("languages of the document"), blank=True, related_name="+"
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="+")
    series = models.ForeignKey(
        "content.SeriesPage",
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publisher = models.CharField(_("publisher or organisation"), max_length=200, blank=True)
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    external_url = models.URLField(_("external link"), blank=True)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, db_index=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suggested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="library_suggestions",
    )
    # True on the original version of an entry (one per translation_key): listings show the
    # reader's translation where there is one, else this original, with no per-row lookup.
    is_source = models.BooleanField(default=True, editable=False)
    created_at = models.DateTimeField(_("added"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # Folded (accent-, case- and script-blind) text that search matches: metadata, topic
    # labels in every language, and the text extracted from the files.
    search_folded = models.TextField(editable=False, default="")

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("publisher"),
                FieldPanel("authors"),
                FieldPanel("year"),
                FieldPanel("external_url"),
            ],
            heading=_("Publication"),
        ),
        FieldPanel("languages"),
        InlinePanel("country_rows", label=_("Countries")),
        FieldPanel("topics"),
        FieldPanel("series"),
        InlinePanel("files", label=_("Files")),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        SynchronizedField("slug"),
        SynchronizedField("kind"),
        SynchronizedField("publisher"),
        SynchronizedField("authors"),
        SynchronizedField("year"),
        SynchronizedField("external_url"),
        SynchronizedField("languages"),
        SynchronizedField("topics"),
        SynchronizedField("series"),
        SynchronizedField("country_rows"),
        SynchronizedField("files"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("library entry")
        verbose_name_plural = _("library entries")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_entry_slug_per_locale")
        ]
        indexes = [
            models.Index(fields=["live", "locale", "translation_key"], name="entry_locale_idx"),
            models.Index(fields=["live", "is_source", "-year"], name="entry_listing_idx"),
            models.Index(fields=["live", "-download_count"], name="entry_popular_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # A translation made by copying the original must not claim to be the original.
        if self.pk is None and self.translation_key:
            self.is_source = not LibraryEntry.objects.filter(
                translation_key=self.translation_key, is_source=True
            ).exists()
        super().save(*args, **kwargs)

    def extraction_problems(self) -> str:
        """For editors: files whose text could not be extracted, with the reason."""
        failed = self.files.filter(extraction_status=ExtractionStatus.FAILED)
        return "; ".join(f"{item}: {item.extraction_error}" for item in failed)


def validate_new_upload(value) -> None:
    """Check a file when it is uploaded (not every time its entry is saved again)."""
    from roundtable.library.uploads import validate_library_upload

    if not getattr(value, "_committed", True):
        validate_library_upload(value)


def library_upload_to(instance: "LibraryFile", filename: str) -> str:
    # A neutral name: a member's file name can say whom a document is about. The name shown
    # on download is kept in `filename`.
    if not instance.filename:
        instance.filename = filename.rsplit("/", 1)[-1][:200]
    return neutral_name("library", filename)


def library_storage() -> PrivateStorage:
    # Drafts (members' suggestions) must not be public: every file is private and served by
    # the download views, which check the reader (published: everyone; draft: its
    # uploader and the editors).
    return PrivateStorage(url_name="library:file")


class LibraryFile(Orderable):
    """One language version of an entry's document."""

    entry = ParentalKey(LibraryEntry, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(
        _("file"),
        upload_to=library_upload_to,
        storage=library_storage,
        max_length=300,
        validators=[validate_new_upload],
    )
    filename = models.CharField(_("file name"), max_length=200, blank=True, editable=False)
    language = models.CharField(_("language"), max_length=12)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    file_type = models.CharField(_("type"), max_length=10, editable=False, default="")
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=10,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_error = models.CharField(
        _("extraction error"), max_length=500, blank=True, editable=False
    )
    extracted_text = models.TextField(editable=False, default="")

    panels = [FieldPanel("file"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self) -> str:
        return self.filename or self.file.name.rsplit("/", 1)[-1]


class ReadingListItem(models.Model):
    """An entry a member keeps to read later (private to that member)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_list"
    )
    entry = models.ForeignKey(LibraryEntry, on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-added_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "entry"], name="unique_reading_list_item")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.entry}"


class SuggestionSubmission(models.Model):
    """The one-time key of a suggestion form that was sent: the same form sent twice
    finds the first entry instead of creating another (unique key, claimed first)."""

    key = models.UUIDField(unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    entry = models.ForeignKey(LibraryEntry, null=True, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.key)
