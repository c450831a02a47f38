"""The forum on shared surfaces: site search and the home page. Both list only what the
viewer may read."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from roundtable.forum import selectors
from roundtable.forum.models import Post
from roundtable.search.fts import fts_filter, fts_ranked
from roundtable.search.highlight import highlight
from roundtable.search.registry import Result, ResultGroup

# Search looks at the latest RANK_WINDOW matching posts only: a common word can match
# most of the forum, and both the permission check and the ranking cost a little per row.
RANK_WINDOW = 1000


@dataclass
class PostSearch:
    posts: QuerySet  # the matches the viewer may read, best first
    total: int  # how many of them (within the window)
    window: int  # how many of the latest matches were looked at
    window_full: bool  # more posts matched than the window holds


def search_posts(*, user, query: str, also: list[str] | None = None) -> PostSearch:
    """Posts `user` may read among the latest RANK_WINDOW posts matching `query`, the most
    relevant first. The window is taken before the permission check, which then runs on
    at most RANK_WINDOW rows: it never shows a post the viewer may not read, but a viewer
    who may read few of the latest matches sees fewer results."""
    matches = fts_filter(
        Post.objects.filter(is_approved=True, is_hidden=False),
        field="search_folded",
        query=query,
        also=also,
    ).order_by("-pk")  # newest first
    window = list(matches.values_list("pk", "thread_id")[: RANK_WINDOW + 1])
    in_window = window[:RANK_WINDOW]
    # Checked per thread (at most RANK_WINDOW primary-key lookups), not per post: the
    # databases plan a join from every post far worse.
    readable_threads = set(
        selectors.visible_threads(user)
        .filter(pk__in={thread_id for _pk, thread_id in in_window})
        .values_list("pk", flat=True)
    )
    ids = [pk for pk, thread_id in in_window if thread_id in readable_threads]
    ranked = fts_ranked(
        Post.objects.filter(pk__in=ids), field="search_folded", query=query, also=also
    )
    return PostSearch(
        posts=ranked.select_related("thread", "author__profile").order_by(
            "-relevance", "-created_at"
        ),
        total=len(ids),
        window=RANK_WINDOW,
        window_full=len(window) > RANK_WINDOW,
    )


def search_forum(*, query: str, also: list[str], request, limit: int) -> ResultGroup:
    found = search_posts(user=request.user, query=query, also=also)
    return ResultGroup(
        key="forum",
        label=_("Discussions"),
        results=[
            Result(
                title=post.thread.title,
                url=reverse("forum:post", args=[post.pk]),
                snippet=highlight(post.body, query, length=200),
                language=post.thread.language,
                meta=date_format(localtime(post.created_at), "DATE_FORMAT"),
            )
            for post in found.posts[:limit]
        ],
        total=found.total,
        more_url=f"{reverse('forum:search')}?{urlencode({'q': query})}",
    )


def home_section(request) -> dict | None:
    threads = selectors.latest_threads(request.user)
    if not threads:
        return None
    return {"threads": threads}
