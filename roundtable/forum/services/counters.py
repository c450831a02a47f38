"""The counts and "last post" kept on threads and categories, recomputed after any change
to their posts. Every write that adds, moves, hides or approves posts calls these, so the
lists can show them without counting (see selectors)."""

from django.db.models import Count, Max

from roundtable.forum.models import Category, Post, Thread


def thread_synchronize(*, thread: Thread) -> None:
    """Recount a thread's visible posts and find its last one (after any change)."""
    visible = Post.objects.filter(thread=thread, is_approved=True, is_hidden=False)
    last = visible.select_related(None).order_by("-created_at", "-id").first()
    if last is None:
        # A thread whose only posts wait for review shows its first post's time.
        last = Post.objects.filter(thread=thread).order_by("created_at", "id").first()
    Thread.objects.filter(pk=thread.pk).update(
        posts_count=visible.count(),
        last_post_at=last.created_at if last else thread.created_at,
        last_poster_id=last.author_id if last else None,
    )


def category_synchronize(*, category: Category) -> None:
    """Recount a category's visible threads and posts and find its latest thread."""
    threads = Thread.objects.filter(category=category, is_approved=True, is_hidden=False)
    totals = threads.aggregate(threads=Count("id"), last=Max("last_post_at"))
    posts = Post.objects.filter(thread__in=threads, is_approved=True, is_hidden=False).count()
    last_thread = threads.order_by("-last_post_at", "-id").first()
    Category.objects.filter(pk=category.pk).update(
        threads_count=totals["threads"],
        posts_count=posts,
        last_post_at=totals["last"],
        last_thread=last_thread,
    )
