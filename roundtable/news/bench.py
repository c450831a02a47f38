"""Benchmark data for editorial content: many articles, some translated, and the glossary."""

import random

from tqdm import tqdm

from roundtable.content.models import SeriesPage
from roundtable.news.tests.factories import (
    make_article,
    make_news_index,
    make_series,
    make_site,
    make_topic,
    translate_article,
)

# Wagtail pages are created one by one (tree paths, revisions): cap the count so that a
# bench run stays within minutes.
MAX_ARTICLES = 2000
TRANSLATED_SHARE = 5  # one article in five is translated into Albanian and Croatian

CASES = [
    ("news index", "/en/news/"),
    ("news index, page 50", "/en/news/?page=50"),
    ("news index, Albanian, topic filter", "/sq/news/?topic=foster-care"),
    ("series page", "/en/series/mdt/"),
    ("RSS feed, Croatian", "/hr/feeds/news.rss"),
    ("glossary search", "/en/glossary/?q=conference"),
    ("translation dashboard, Croatian partial", "/admin/translations/?language=hr&state=partial"),
]


def populate(*, scale: int) -> None:
    rng = random.Random(11)  # noqa: S311 - reproducible fake data
    home = make_site()
    index = make_news_index(home)
    series = SeriesPage.objects.first() or make_series(home)
    topics = [
        make_topic(
            "foster-care", {"en": "Foster care", "sq": "Kujdesi kujdestar", "hr": "Udomiteljstvo"}
        ),
        make_topic(
            "street-children", {"en": "Children in street situations", "sq": "Fëmijët në rrugë"}
        ),
    ]
    count = min(scale, MAX_ARTICLES)
    for number in tqdm(range(count), desc="articles", unit="article"):
        article = make_article(
            index,
            title=f"Roundtable report {number}",
            slug=f"report-{number}",
            topics=[rng.choice(topics)],
            series=series if number % 4 == 0 else None,
            countries=(rng.choice(["AL", "XK", "ME", "RS", "BA", "HR", "MK"]),),
        )
        if number % TRANSLATED_SHARE == 0:
            translate_article(article, "sq")
            translate_article(article, "hr", skip_paragraphs=[2])


def login(client) -> None:
    """An editor with two-factor authentication, who may open the dashboard."""
    from allauth.mfa.models import Authenticator

    from roundtable.accounts.models import CodeOfConduct
    from roundtable.accounts.tests.factories import make_code_of_conduct, make_member

    if not CodeOfConduct.objects.exists():
        make_code_of_conduct(version=1)
    editor = make_member(
        full_name="Bench Editor", username="bench-editor", is_staff=True, is_superuser=True
    )
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(editor)
