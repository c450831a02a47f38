"""Forum data: categories, threads, posts, and what members do with them.

Read tracking follows Misago rather than per-post flags: one row per member per thread
(`ThreadRead`) and per member per category (`CategoryRead`) holds a "read up to" time;
a post is new when it is newer than both and than the global cutoff. Counts shown in
lists (posts, threads, last post) are kept on the thread and the category, so a list costs
the same few queries whatever the number of threads or posts.
"""

import uuid

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

# The shared private storage (the first migration names it here, as forum.models.PrivateStorage).
from roundtable.core.uploads import PrivateStorage


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone, including visitors")
    MEMBERS = "members", _("Signed-in members")
    GROUP = "group", _("Members of one group")


class Category(TranslatableMixin, models.Model):
    """A place for threads, tied to a series, a topic, a country or a group (an event's
    participants). Threads belong to the English (source) category; translations carry
    the name and description in other languages."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    description = models.TextField(_("description"), blank=True, max_length=1000)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    visibility = models.CharField(
        _("who can read it"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    group = models.ForeignKey(
        Group,
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Only for categories limited to one group, such as a conference's participants."
        ),
    )
    is_case_discussion = models.BooleanField(
        _("case discussions"),
        default=False,
        help_text=_(
            "Members only; new threads wait for a moderator and every post is checked for "
            "details that could identify a child or family."
        ),
    )
    series = models.ForeignKey(
        "content.SeriesPage",
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic = models.ForeignKey(
        "content.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    country = CountryField(_("country"), blank=True)
    # Kept by services.category_synchronize: visible threads and posts, and the latest post.
    threads_count = models.PositiveIntegerField(default=0, editable=False)
    posts_count = models.PositiveIntegerField(default=0, editable=False)
    last_post_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_thread = models.ForeignKey(
        "Thread", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("position"),
        MultiFieldPanel(
            [FieldPanel("visibility"), FieldPanel("group"), FieldPanel("is_case_discussion")],
            heading=_("Access"),
        ),
        MultiFieldPanel(
            [FieldPanel("series"), FieldPanel("topic"), FieldPanel("country")],
            heading=_("Tied to"),
        ),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["position", "name"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_forum_category_slug_per_locale"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from roundtable.content.selectors import default_locale

        source = default_locale()
        if self.locale_id and self.locale_id != source.pk:
            exists = Category.objects.filter(translation_key=self.translation_key, locale=source)
            if not exists.exists():
                raise ValidationError(
                    _("Create the category in %(language)s first, then translate it.")
                    % {"language": source.get_display_name()}
                )
        if self.visibility == Visibility.GROUP and not self.group_id:
            raise ValidationError({"group": _("Choose the group that may read this category.")})

    @property
    def is_members_only(self) -> bool:
        return self.is_case_discussion or self.visibility != Visibility.PUBLIC


class Thread(models.Model):
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=200)
    # The language the thread is written in, for `lang` attributes and screen readers.
    language = models.CharField(_("language"), max_length=12, default=settings.LANGUAGE_CODE)
    starter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Visible (approved, not hidden) posts only; kept by services.thread_synchronize.
    posts_count = models.PositiveIntegerField(default=0)
    last_post_at = models.DateTimeField(default=timezone.now)
    last_poster = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    is_approved = models.BooleanField(_("approved"), default=True)

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [
            models.Index(
                fields=["category", "-is_pinned", "-last_post_at"], name="forum_thread_list_idx"
            ),
            models.Index(fields=["-last_post_at"], name="forum_thread_latest_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_visible(self) -> bool:
        return self.is_approved and not self.is_hidden


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="forum_posts"
    )
    body = models.TextField(_("message"))
    # The language the post is written in (a reply may differ from its thread), for `lang`
    # attributes and screen readers.
    language = models.CharField(_("language"), max_length=12, default=settings.LANGUAGE_CODE)
    # `body` rendered from Markdown and sanitized (forum.markdown.render).
    html = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    edit_count = models.PositiveIntegerField(default=0)
    is_approved = models.BooleanField(_("approved"), default=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    helpful_count = models.PositiveIntegerField(default=0)
    # Which kinds of flagged detail the author confirmed in a case discussion (no values).
    deid_confirmed = models.JSONField(default=list, blank=True)
    # Folded text for the full-text index (search.fts).
    search_folded = models.TextField(blank=True, editable=False)
    # The one-time key of the form that created the post: the same form sent twice
    # (a double click, a resent request) finds this post instead of creating another.
    submit_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # Set by the one notification run that may tell watchers and mentioned members
    # (claimed with a conditional update), so a post approved while its creation task
    # waits in the queue is announced once.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # A moderator removed the text of the post and of its earlier versions for good.
    redacted_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["thread", "created_at"], name="forum_post_thread_idx"),
            models.Index(fields=["author", "-created_at"], name="forum_post_author_idx"),
            models.Index(
                fields=["created_at"],
                name="forum_post_unapproved_idx",
                condition=Q(is_approved=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.thread} #{self.pk}"

    @property
    def is_visible(self) -> bool:
        return self.is_approved and not self.is_hidden


class PostRevision(models.Model):
    """The text a post had before an edit: the edit history stays with the post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-edited_at", "-id"]

    def __str__(self) -> str:
        return f"{self.post_id} @ {self.edited_at:%Y-%m-%d %H:%M}"


def _attachment_path(instance, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"forum/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class AttachmentReview(models.TextChoices):
    APPROVED = "approved", _("shown")
    HELD = "held", _("waiting for a moderator")
    REJECTED = "rejected", _("rejected by a moderator")


class Attachment(models.Model):
    """A file on a post. The de-identification check cannot read photos and PDFs, so in
    case discussions a file is held for a moderator: until approved, only its author
    and the moderators see it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=_attachment_path, storage=PrivateStorage(), max_length=200)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    review = models.CharField(
        _("review"),
        max_length=10,
        choices=AttachmentReview.choices,
        default=AttachmentReview.APPROVED,
        db_index=True,
    )

    def __str__(self) -> str:
        return self.filename

    @property
    def is_held(self) -> bool:
        return self.review == AttachmentReview.HELD

    @property
    def is_rejected(self) -> bool:
        return self.review == AttachmentReview.REJECTED

    @cached_property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class HelpfulMark(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="helpful_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="unique_helpful_mark")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.post_id}"


class ThreadRead(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reads")
    last_read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="unique_thread_read")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.thread_id}"


class CategoryRead(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="reads")
    last_read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "category"], name="unique_category_read")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.category_id}"


class EmailMode(models.TextChoices):
    NONE = "none", _("In Roundtable only")
    IMMEDIATE = "immediate", _("By email at once")
    DIGEST = "digest", _("By email in a daily digest")


class Watch(models.Model):
    """A member follows one thread or one category."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_watches"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="watches"
    )
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.CASCADE, related_name="watches"
    )
    email = models.CharField(
        _("notify me"), max_length=10, choices=EmailMode.choices, default=EmailMode.NONE
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(thread__isnull=False, category__isnull=True)
                | Q(thread__isnull=True, category__isnull=False),
                name="watch_thread_or_category",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=Q(thread__isnull=False),
                name="unique_thread_watch",
            ),
            models.UniqueConstraint(
                fields=["user", "category"],
                condition=Q(category__isnull=False),
                name="unique_category_watch",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} watches {self.thread_id or self.category_id}"


class MemberSettings(models.Model):
    """Per-member forum settings: mention e-mails, and the language for forum e-mails (the
    interface language the member last used the forum in)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_settings"
    )
    language = models.CharField(max_length=12, default=settings.LANGUAGE_CODE)
    mention_emails = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.language}"


class DigestItem(models.Model):
    """A post waiting for a member's next daily digest."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    watch = models.ForeignKey(Watch, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "post"], name="unique_digest_item")]

    def __str__(self) -> str:
        return f"{self.user_id} ← {self.post_id}"


class DigestRun(models.Model):
    """One row per day the digest went out: a second worker's run of the same day stops."""

    day = models.DateField(unique=True)
    started_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.day.isoformat()


class ReportReason(models.TextChoices):
    PERSONAL_DATA = "personal_data", _("It could identify a child or family")
    ABUSE = "abuse", _("It is abusive or disrespectful")
    SPAM = "spam", _("It is spam or advertising")
    OTHER = "other", _("Something else")


class Report(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [
            models.Index(
                fields=["created_at"], name="forum_report_open_idx", condition=Q(resolved_at=None)
            ),
            models.Index(fields=["reporter", "-created_at"], name="forum_report_reporter_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.post_id})"


class Suspension(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_suspensions"
    )
    until = models.DateTimeField(_("until"))
    reason = models.TextField(_("reason"), max_length=1000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "until"], name="forum_suspension_user_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} until {self.until:%Y-%m-%d}"


class ActionKind(models.TextChoices):
    APPROVE = "approve", _("approved")
    HIDE = "hide", _("hid")
    UNHIDE = "unhide", _("made visible again")
    LOCK = "lock", _("locked")
    UNLOCK = "unlock", _("unlocked")
    PIN = "pin", _("pinned")
    UNPIN = "unpin", _("unpinned")
    MOVE = "move", _("moved")
    SPLIT = "split", _("split")
    SUSPEND = "suspend", _("suspended")
    LIFT = "lift", _("lifted the suspension of")
    RESOLVE = "resolve", _("resolved a report on")
    REJECT = "reject", _("rejected")
    FILE_APPROVE = "file_ok", _("approved an attachment on")
    FILE_REJECT = "file_no", _("rejected an attachment on")
    EDIT = "edit", _("edited a member's post in")
    REDACT = "redact", _("redacted a post in")


class ModerationAction(models.Model):
    """The moderation log: who did what to which thread, post or member, and why."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=10, choices=ActionKind.choices)
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [("moderate_forum", "Can moderate the forum")]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.action}"
