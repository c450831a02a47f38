"""Reads of the forum, each with its permission check: who may see which category, thread
and post, and what is new for whom.

Every list costs a fixed number of queries: counts and the last post are kept on threads
and categories, and unread counts come from one grouped query over the page's threads.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language

from roundtable.content.models import SeriesPage
from roundtable.content.selectors import default_locale, localize_all
from roundtable.core.access import SignInRequired
from roundtable.forum.models import (
    Attachment,
    AttachmentReview,
    Category,
    CategoryRead,
    HelpfulMark,
    ModerationAction,
    Post,
    Report,
    Suspension,
    Thread,
    ThreadRead,
    Visibility,
    Watch,
)

Viewer = AbstractBaseUser | AnonymousUser


def is_moderator(user: Viewer) -> bool:
    return bool(user.is_authenticated and user.has_perm("forum.moderate_forum"))


def read_cutoff() -> datetime.datetime:
    """Posts older than this count as read for everyone."""
    return timezone.now() - datetime.timedelta(days=settings.FORUM_READ_CUTOFF_DAYS)


# --- Who may read what ----------------------------------------------------------------


def readable_categories(user: Viewer) -> QuerySet[Category]:
    """Categories `user` may read: the source-language rows, which threads belong to."""
    categories = Category.objects.filter(locale=default_locale())
    if is_moderator(user):
        return categories
    if not user.is_authenticated:
        return categories.filter(visibility=Visibility.PUBLIC, is_case_discussion=False)
    return categories.filter(
        Q(visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS])
        | Q(visibility=Visibility.GROUP, group__in=user.groups.values("id"))
    )


def _members_categories() -> QuerySet[Category]:
    """Categories every signed-in member may read: not limited to a group, and not case
    discussions (whose threads a logged-out visitor must not learn exist)."""
    return Category.objects.filter(
        locale=default_locale(),
        visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS],
        is_case_discussion=False,
    )


def _members_threads() -> QuerySet[Thread]:
    """Threads every signed-in member may read (approved, not hidden)."""
    return Thread.objects.filter(
        category__in=_members_categories(), is_approved=True, is_hidden=False
    )


def _sign_in_if_members_may(user: Viewer, found: QuerySet) -> None:
    """For a visitor who is not signed in: `SignInRequired` if what they asked for (and
    did not get) is there for every member; otherwise the caller's plain 404 follows."""
    if not user.is_authenticated and found.exists():
        raise SignInRequired


def can_read_category(user: Viewer, category: Category) -> bool:
    return readable_categories(user).filter(pk=category.pk).exists()


def visible_threads(user: Viewer) -> QuerySet[Thread]:
    threads = Thread.objects.filter(category__in=readable_categories(user))
    if is_moderator(user):
        return threads
    threads = threads.filter(is_hidden=False)
    if user.is_authenticated:
        return threads.filter(Q(is_approved=True) | Q(starter=user))
    return threads.filter(is_approved=True)


def visible_posts(user: Viewer) -> QuerySet[Post]:
    """Posts `user` may read: approved and not hidden, plus their own waiting posts;
    moderators see everything."""
    posts = Post.objects.filter(thread__in=visible_threads(user))
    if is_moderator(user):
        return posts
    if user.is_authenticated:
        return posts.filter(Q(is_approved=True, is_hidden=False) | Q(author=user))
    return posts.filter(is_approved=True, is_hidden=False)


def readers(category: Category, users: QuerySet) -> QuerySet:
    """The members of `users` who may read `category` (for notifications)."""
    users = users.filter(is_active=True)
    if category.visibility == Visibility.GROUP:
        moderators = (
            Q(is_superuser=True)
            | Q(groups__permissions__codename="moderate_forum")
            | Q(user_permissions__codename="moderate_forum")
        )
        return users.filter(Q(groups=category.group_id) | moderators).distinct()
    return users


# --- Categories ----------------------------------------------------------------------


def with_labels(categories: list[Category]) -> list[Category]:
    """Each category gets `label`, `label_description` and `label_language` in the reader's
    language (the source's where not translated): one query."""
    translated = {c.translation_key: c for c in localize_all(categories)}
    reading_source = get_language() == settings.LANGUAGE_CODE
    for category in categories:
        shown = translated.get(category.translation_key, category)
        category.label = shown.name
        category.label_description = shown.description
        # Set when the label is still in the source language, for its `lang` attribute.
        untranslated = shown.pk == category.pk and not reading_source
        category.label_language = settings.LANGUAGE_CODE if untranslated else ""
    return categories


def category_list(user: Viewer) -> list[Category]:
    categories = list(
        readable_categories(user).select_related("last_thread", "last_thread__last_poster__profile")
    )
    with_labels(categories)
    counts = category_unread_counts(user, categories)
    for category in categories:
        category.new_threads, category.unread_threads = counts.get(category.pk, (0, 0))
        if category.last_thread and not category.last_thread.is_visible:
            category.last_thread = None
    return categories


def category_get(user: Viewer, slug: str) -> Category:
    category = readable_categories(user).filter(slug=slug).first()
    if category is None:
        _sign_in_if_members_may(user, _members_categories().filter(slug=slug))
        raise Http404
    return with_labels([category])[0]


def category_ties(category: Category) -> dict:
    """What the category is tied to, in the reader's language: its series (with a link),
    topic and country."""
    series = topic = None
    if category.series_id:
        found = localize_all(SeriesPage.objects.filter(pk=category.series_id).live())
        series = found[0] if found else None
    if category.topic_id:
        topic = localize_all([category.topic])[0]
    return {"series": series, "topic": topic, "country": category.country}


def category_unread_counts(user: Viewer, categories: list[Category]) -> dict[int, tuple[int, int]]:
    """Per category: threads never opened that have posts since the cutoff ("new"), and
    opened threads with posts since the last visit ("unread"). One grouped query."""
    if not user.is_authenticated or not categories:
        return {}
    category_read = CategoryRead.objects.filter(user=user, category=OuterRef("category")).values(
        "last_read_at"
    )[:1]
    thread_read = ThreadRead.objects.filter(user=user, thread=OuterRef("pk")).values(
        "last_read_at"
    )[:1]
    rows = (
        visible_threads(user)
        .filter(category__in=categories, last_post_at__gt=read_cutoff())
        .annotate(category_read=Subquery(category_read), thread_read=Subquery(thread_read))
        .filter(Q(category_read__isnull=True) | Q(last_post_at__gt=F("category_read")))
        .filter(Q(thread_read__isnull=True) | Q(last_post_at__gt=F("thread_read")))
        .values("category_id")
        .annotate(
            new=Count("id", filter=Q(thread_read__isnull=True)),
            unread=Count("id", filter=Q(thread_read__isnull=False)),
        )
        .order_by()
    )
    return {row["category_id"]: (row["new"], row["unread"]) for row in rows}


# --- Threads -------------------------------------------------------------------------


def category_threads(user: Viewer, category: Category) -> QuerySet[Thread]:
    return (
        visible_threads(user)
        .filter(category=category)
        .select_related("starter__profile", "last_poster__profile")
        .order_by("-is_pinned", "-last_post_at", "-id")
    )


def with_unread(user: Viewer, threads: list[Thread]) -> list[Thread]:
    """Sets `new_posts` (visible posts the reader has not seen) and `never_opened` on each
    thread of a page of threads: three queries whatever the page size."""
    for thread in threads:
        thread.new_posts, thread.never_opened = 0, False
    if not user.is_authenticated or not threads:
        return threads
    cutoffs = read_marks(user, threads)
    unread = [t for t in threads if t.last_post_at > cutoffs[t.pk][0]]
    if unread:
        condition = Q()
        for thread in unread:
            condition |= Q(thread_id=thread.pk, created_at__gt=cutoffs[thread.pk][0])
        counts = dict(
            Post.objects.filter(condition, is_approved=True, is_hidden=False)
            .values("thread_id")
            .annotate(count=Count("id"))
            .order_by()
            .values_list("thread_id", "count")
        )
        for thread in unread:
            thread.new_posts = counts.get(thread.pk, 0)
            thread.never_opened = not cutoffs[thread.pk][1]
    return threads


def read_marks(user: Viewer, threads: list[Thread]) -> dict[int, tuple[datetime.datetime, bool]]:
    """Per thread: the time up to which `user` has read it, and whether they opened it."""
    thread_reads = dict(
        ThreadRead.objects.filter(user=user, thread__in=[t.pk for t in threads]).values_list(
            "thread_id", "last_read_at"
        )
    )
    category_reads = dict(
        CategoryRead.objects.filter(
            user=user, category__in={t.category_id for t in threads}
        ).values_list("category_id", "last_read_at")
    )
    cutoff = read_cutoff()
    marks = {}
    for thread in threads:
        candidates = [cutoff, thread_reads.get(thread.pk), category_reads.get(thread.category_id)]
        marks[thread.pk] = (max(c for c in candidates if c), thread.pk in thread_reads)
    return marks


def thread_get(user: Viewer, thread_id: int) -> Thread:
    thread = visible_threads(user).select_related("category").filter(pk=thread_id).first()
    if thread is None:
        _sign_in_if_members_may(user, _members_threads().filter(pk=thread_id))
        raise Http404
    with_labels([thread.category])
    return thread


def visible_attachments(user: Viewer) -> QuerySet[Attachment]:
    """Files on posts `user` may read. A file held for a moderator (or rejected) is
    seen only by its author and the moderators."""
    attachments = Attachment.objects.all()
    if is_moderator(user):
        return attachments
    if user.is_authenticated:
        return attachments.filter(Q(review=AttachmentReview.APPROVED) | Q(post__author=user))
    return attachments.filter(review=AttachmentReview.APPROVED)


def thread_posts(user: Viewer, thread: Thread) -> QuerySet[Post]:
    attachments = Prefetch("attachments", queryset=visible_attachments(user).order_by("id"))
    return (
        visible_posts(user)
        .filter(thread=thread)
        .select_related("author__profile")
        .prefetch_related(attachments)
        .order_by("created_at", "id")
    )


def helpful_marked(user: Viewer, posts: list[Post]) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        HelpfulMark.objects.filter(user=user, post__in=[p.pk for p in posts]).values_list(
            "post_id", flat=True
        )
    )


def first_unread_post(
    user: Viewer, thread: Thread, *, since: datetime.datetime | None = None
) -> Post | None:
    """The first post by someone else newer than the reader's mark (`since`, when the
    caller has it). The reader's own posts are never unread to them, also when one waits
    for a moderator and so does not move the mark."""
    if not user.is_authenticated:
        return None
    if since is None:
        since = read_marks(user, [thread])[thread.pk][0]
    return (
        visible_posts(user)
        .filter(thread=thread, created_at__gt=since)
        .exclude(author=user)
        .only("pk", "thread_id", "created_at")
        .order_by("created_at", "id")
        .first()
    )


def post_position(user: Viewer, post: Post) -> int:
    """How many posts `user` sees before `post` in its thread (for its page number)."""
    return (
        visible_posts(user)
        .filter(thread_id=post.thread_id)
        .filter(Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, id__lt=post.pk))
        .count()
    )


def post_get(user: Viewer, post_id: int) -> Post:
    post = (
        visible_posts(user).select_related("thread", "author__profile").filter(pk=post_id).first()
    )
    if post is None:
        members_posts = Post.objects.filter(
            thread__in=_members_threads(), is_approved=True, is_hidden=False
        )
        _sign_in_if_members_may(user, members_posts.filter(pk=post_id))
        raise Http404
    return post


def can_see_history(user: Viewer, post: Post, *, moderator: bool | None = None) -> bool:
    """Earlier versions of a post may hold what was removed from it (a child's name the
    author took out): only the author and the moderators read them, and in case
    discussions only the moderators. `post.thread.category` must be loaded; a page of
    posts passes `moderator`, found once."""
    if not user.is_authenticated:
        return False
    if moderator is None:
        moderator = is_moderator(user)
    if moderator:
        return True
    return post.author_id == user.pk and not post.thread.category.is_case_discussion


def post_history_get(user: Viewer, post_id: int) -> Post:
    """A post whose history `user` may read, or 404 (the same answer whether the post is
    unreadable or only its history)."""
    post = (
        visible_posts(user)
        .select_related("thread__category", "author__profile")
        .filter(pk=post_id)
        .first()
    )
    if post is None or not can_see_history(user, post):
        raise Http404
    return post


def attachment_get(user: Viewer, attachment_id: int) -> Attachment:
    attachment = (
        visible_attachments(user)
        .filter(pk=attachment_id, post__in=visible_posts(user))
        .select_related("post")
        .first()
    )
    if attachment is None:
        raise Http404
    return attachment


def watch_for(user: Viewer, *, thread: Thread | None = None, category: Category | None = None):
    if not user.is_authenticated:
        return None
    if thread is not None:
        return Watch.objects.filter(user=user, thread=thread).first()
    return Watch.objects.filter(user=user, category=category).first()


def watches_of(user: AbstractBaseUser) -> QuerySet[Watch]:
    """The member's watches on threads and categories they may still read, categories
    first; label the categories of a page with `with_labels`."""
    return (
        Watch.objects.filter(user=user)
        .filter(Q(thread__in=visible_threads(user)) | Q(category__in=readable_categories(user)))
        .select_related("thread", "category")
        .order_by("thread_id", "-created_at", "-id")
    )


def member_settings(user: AbstractBaseUser):
    from roundtable.forum.models import MemberSettings

    return MemberSettings.objects.filter(user=user).first() or MemberSettings(user=user)


def latest_threads(user: Viewer, *, limit: int = 5) -> list[Thread]:
    threads = list(
        visible_threads(user)
        .select_related("category", "last_poster__profile")
        .order_by("-last_post_at")[:limit]
    )
    with_labels(list({t.category_id: t.category for t in threads}.values()))
    return with_unread(user, threads)


def series_threads(series_key, user: Viewer, *, limit: int = 20) -> list[Thread]:
    threads = list(
        visible_threads(user)
        .filter(category__series__translation_key=series_key)
        .select_related("category", "last_poster__profile")
        .order_by("-last_post_at")[:limit]
    )
    with_labels(list({t.category_id: t.category for t in threads}.values()))
    return threads


def public_threads_for_feed(category: Category | None = None, *, limit: int = 30):
    """Threads anyone may read: feeds are fetched by readers that never sign in."""
    threads = visible_threads(AnonymousUser())
    if category is not None:
        threads = threads.filter(category=category)
    first_post = Post.objects.filter(thread=OuterRef("pk"), is_approved=True, is_hidden=False)
    return (
        threads.select_related("category", "starter__profile")
        .annotate(first_body=Subquery(first_post.order_by("created_at", "id").values("body")[:1]))
        .order_by("-created_at")[:limit]
    )


# --- Moderation ----------------------------------------------------------------------


def active_suspension(user: Viewer) -> Suspension | None:
    if not user.is_authenticated:
        return None
    return (
        Suspension.objects.filter(user=user, until__gt=timezone.now(), lifted_at=None)
        .order_by("-until")
        .first()
    )


@dataclass
class Queue:
    """The oldest waiting posts and open reports (moderators work from the oldest), and
    how many there are in all."""

    waiting_posts: list[Post]
    open_reports: list[Report]
    waiting_total: int
    reports_total: int
    held_attachments: list[Attachment]
    held_total: int


def moderation_queue(*, limit: int = 50) -> Queue:
    waiting = (
        Post.objects.filter(is_approved=False)
        .select_related("thread__category", "author__profile")
        .order_by("created_at")[:limit]
    )
    reports = (
        Report.objects.filter(resolved_at=None)
        .select_related("post__thread", "post__author__profile", "reporter__profile")
        .order_by("created_at")[:limit]
    )
    return Queue(
        waiting_posts=list(waiting),
        open_reports=list(reports),
        waiting_total=Post.objects.filter(is_approved=False).count(),
        reports_total=Report.objects.filter(resolved_at=None).count(),
        held_attachments=list(
            Attachment.objects.filter(review=AttachmentReview.HELD)
            .select_related("post__thread__category", "post__author__profile")
            .order_by("id")[:limit]
        ),
        held_total=Attachment.objects.filter(review=AttachmentReview.HELD).count(),
    )


def queue_size() -> int:
    return (
        Post.objects.filter(is_approved=False).count()
        + Report.objects.filter(resolved_at=None).count()
        + Attachment.objects.filter(review=AttachmentReview.HELD).count()
    )


def moderation_log() -> QuerySet[ModerationAction]:
    return ModerationAction.objects.select_related(
        "actor__profile", "thread", "post__thread", "member__profile"
    )


def approved_posts_count(user: AbstractBaseUser) -> int:
    return Post.objects.filter(author=user, is_approved=True).count()
