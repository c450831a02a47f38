"""The forum on shared surfaces: site search and the home page. Both list only what the
viewer may read."""

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

# Relevance is ranked among the most recent matches only: ranking reads each row's
# full-text vector, and a common word can match most of the forum.
RANK_WINDOW = 1000


def search_posts(*, user, query: str, also: list[str] | None = None):
    """Posts `user` may read that match `query` (all of them, for the count), and the most
    relevant among the latest RANK_WINDOW matches, best first."""
    posts = fts_filter(
        selectors.visible_posts(user).filter(is_approved=True, is_hidden=False),
        field="search_folded",
        query=query,
        also=also,
    )
    window = Post.objects.filter(pk__in=posts.order_by("-created_at").values("pk")[:RANK_WINDOW])
    ranked = fts_ranked(window, field="search_folded", query=query, also=also)
    return posts, ranked.select_related("thread", "author__profile").order_by(
        "-relevance", "-created_at"
    )


def search_forum(*, query: str, also: list[str], request, limit: int) -> ResultGroup:
    matching, ranked = search_posts(user=request.user, query=query, also=also)
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
            for post in ranked[:limit]
        ],
        total=matching.count(),
        more_url=f"{reverse('forum:search')}?{urlencode({'q': query})}",
    )


def home_section(request) -> dict | None:
    threads = selectors.latest_threads(request.user)
    if not threads:
        return None
    return {"threads": threads}
