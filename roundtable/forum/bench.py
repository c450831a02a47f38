"""Benchmark data for the forum: `scale` threads (10,000 by default) with five posts each on
average across four categories, one thread of 1,000 posts, and a reader who has read a
third of the threads."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone
from tqdm import tqdm

from roundtable.accounts.models import Profile
from roundtable.content.demo import create_locales
from roundtable.core.text import fold
from roundtable.forum.models import Category, Post, Thread, ThreadRead, Visibility
from roundtable.forum.services import category_synchronize, thread_synchronize

CASES = [
    ("forum, categories", "/en/forum/"),
    ("forum, category page 1", "/en/forum/c/practice/"),
    ("forum, category page 100", "/en/forum/c/practice/?page=100"),
    ("forum, thread of 1,000 posts, last page", "/en/forum/t/1/?page=50"),
    ("forum, jump to first unread", "/en/forum/t/2/"),
    ("forum, search a word in 90 % of posts", "/en/forum/search/?q=supervision"),
    ("forum, search a word in 1 % of posts", "/en/forum/search/?q=kinship"),
    ("site search, forum and the rest", "/en/search/?q=referral"),
]
WORDS = [
    "referral", "supervision", "foster", "school", "police", "centre", "family", "meeting",
    "court", "protocol", "assessment", "visit", "plan", "report", "child", "support", "team",
    "municipality", "health",
]  # fmt: skip
BATCH = 2000


def _text(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(20, 80))]
    if rng.random() < 0.01:
        words.append("kinship")
    return " ".join(words)


def populate(*, scale: int) -> None:
    rng = random.Random(11)  # noqa: S311 - reproducible fake data
    create_locales()
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    User = get_user_model()
    authors = User.objects.bulk_create(
        [User(username=f"forum-bench-{n}", email=f"forum{n}@example.org") for n in range(50)]
    )
    Profile.objects.bulk_create(
        [
            Profile(user=user, full_name=f"Bench Author {n}", country="AL")
            for n, user in enumerate(authors)
        ]
    )
    categories = [
        Category.objects.create(locale=english, slug=slug, name=slug.title(), visibility=vis)
        for slug, vis in [
            ("practice", Visibility.PUBLIC),
            ("events", Visibility.MEMBERS),
            ("help", Visibility.MEMBERS),
            ("country", Visibility.PUBLIC),
        ]
    ]
    now = timezone.now()
    long_thread = Thread.objects.create(
        category=categories[0], title="A very long thread", starter=authors[0]
    )
    _posts(long_thread, count=1000, authors=authors, rng=rng, end=now)
    thread_synchronize(long_thread)
    for start in tqdm(range(0, scale, BATCH), desc="forum threads", unit="batch"):
        count = min(BATCH, scale - start)
        threads = Thread.objects.bulk_create(
            [
                Thread(
                    category=categories[(start + i) % len(categories)],
                    title=f"Thread {start + i}: {_text(rng)[:60]}",
                    starter=rng.choice(authors),
                    created_at=now - datetime.timedelta(hours=start + i),
                    last_post_at=now - datetime.timedelta(hours=start + i),
                )
                for i in range(count)
            ]
        )
        posts = []
        for thread in threads:
            for number in range(rng.randint(1, 9)):
                body = _text(rng)
                posts.append(
                    Post(
                        thread=thread,
                        author=rng.choice(authors),
                        body=body,
                        html=f"<p>{body}</p>",
                        created_at=thread.created_at + datetime.timedelta(minutes=number),
                        search_folded=fold(body),
                    )
                )
        Post.objects.bulk_create(posts, batch_size=1000)
        by_thread = {}
        for post in posts:
            by_thread.setdefault(post.thread_id, []).append(post)
        for thread in threads:
            visible = by_thread[thread.pk]
            thread.posts_count = len(visible)
            thread.last_post_at = visible[-1].created_at
            thread.last_poster_id = visible[-1].author_id
        Thread.objects.bulk_update(threads, ["posts_count", "last_post_at", "last_poster"])
    for category in categories:
        category_synchronize(category)


def _posts(thread, *, count, authors, rng, end) -> None:
    start = end - datetime.timedelta(minutes=count)
    Post.objects.bulk_create(
        [
            Post(
                thread=thread,
                author=rng.choice(authors),
                body=(body := _text(rng)),
                html=f"<p>{body}</p>",
                created_at=start + datetime.timedelta(minutes=number),
                search_folded=fold(body),
            )
            for number in range(count)
        ],
        batch_size=1000,
    )


def login(client) -> None:
    """A signed-in member who has read every third thread: unread counts have work to do."""
    from roundtable.accounts.models import CodeOfConduct
    from roundtable.accounts.tests.factories import make_code_of_conduct, make_member

    if not CodeOfConduct.objects.exists():
        make_code_of_conduct(version=1)
    viewer = make_member(full_name="Forum Bench Reader", username="forum-bench-reader")
    ThreadRead.objects.bulk_create(
        [
            ThreadRead(user=viewer, thread_id=pk, last_read_at=last)
            for pk, last in Thread.objects.values_list("pk", "last_post_at")[::3]
        ],
        batch_size=2000,
    )
    client.force_login(viewer)
