"""Demo forum: categories in every language, a seven-post conference follow-up written by
members from seven countries, a case discussion that passed the de-identification check,
threads in Albanian, a group-only category, and a moderators' group.

All people and texts are fictional (`demo_data/forum.json`). Posts are dated in the
recent past so that the demo account sees them as new.
"""

import datetime
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from roundtable.content.demo import locale_for, localize
from roundtable.content.models import SeriesPage, Topic
from roundtable.core import deid
from roundtable.core.text import fold
from roundtable.forum.markdown import render
from roundtable.forum.models import Category, Post, Thread, Watch
from roundtable.forum.services import category_synchronize, thread_synchronize

ORDER = 60
DATA = json.loads((Path(__file__).parent / "demo_data" / "forum.json").read_text("utf-8"))
MODERATORS_GROUP = "Forum moderators"


def create_groups() -> None:
    User = get_user_model()
    moderators, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    moderators.permissions.add(Permission.objects.get(codename="moderate_forum"))
    moderators.user_set.add(*User.objects.filter(username__in=DATA["moderators"]))
    for spec in DATA["groups"]:
        group, _created = Group.objects.get_or_create(name=spec["name"])
        group.user_set.add(*User.objects.filter(username__in=spec["members"]))


def create_categories() -> None:
    english = locale_for("en")
    for position, spec in enumerate(DATA["categories"]):
        category = Category.objects.filter(locale=english, slug=spec["slug"]).first()
        if category is None:
            category = Category.objects.create(
                locale=english,
                slug=spec["slug"],
                name=spec["name"]["en"],
                description=spec["description"]["en"],
                position=position,
                visibility=spec["visibility"],
                is_case_discussion=spec.get("case", False),
                group=Group.objects.get(name=spec["group"]) if spec.get("group") else None,
                series=SeriesPage.objects.filter(locale=english, slug=spec.get("series")).first(),
                topic=Topic.objects.filter(locale=english, slug=spec.get("topic")).first(),
                country=spec.get("country", ""),
            )
        for code, name in spec["name"].items():
            if code != "en":
                localize(
                    category, code, {"name": name, "description": spec["description"].get(code)}
                )


def create_threads() -> None:
    users = {user.username: user for user in get_user_model().objects.all()}
    english = locale_for("en")
    now = timezone.now()
    for spec in DATA["threads"]:
        category = Category.objects.get(locale=english, slug=spec["category"])
        if Thread.objects.filter(category=category, title=spec["title"]).exists():
            continue
        start = now - datetime.timedelta(hours=spec["hours_ago"])
        starter = users[spec["posts"][0][0]]
        thread = Thread.objects.create(
            category=category,
            title=spec["title"],
            language=spec["language"],
            starter=starter,
            created_at=start,
            last_post_at=start,
        )
        for username, hours_later, body in spec["posts"]:
            if category.is_case_discussion and deid.scan(body):
                # The demo's case discussion is an example of one that passed the check.
                raise ValueError(f"Demo case post has identifying details: {deid.scan(body)}")
            Post.objects.create(
                thread=thread,
                author=users[username],
                body=body,
                language=spec["language"],
                html=render(body),
                created_at=start + datetime.timedelta(hours=hours_later),
                search_folded=fold(f"{spec['title']}\n{body}" if hours_later == 0 else body),
            )
            Watch.objects.get_or_create(user=users[username], thread=thread)
        thread_synchronize(thread)
    for category in Category.objects.filter(locale=english):
        category_synchronize(category)


def steps():
    return [
        ("forum groups", create_groups),
        ("forum categories", create_categories),
        ("forum threads", create_threads),
    ]
