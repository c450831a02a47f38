"""Builders for editorial content in tests: a site in every language, topics, articles."""

import datetime

from django.conf import settings
from wagtail.models import Locale

from roundtable.content import demo as content_demo
from roundtable.content.models import Funder, HomePage, SeriesIndexPage, SeriesPage, Topic
from roundtable.news.models import NewsArticlePage, NewsIndexPage
from roundtable.translations.demo_support import translate_with_localize


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def make_site() -> HomePage:
    """Locales and a home page in every interface language (the demo's own steps)."""
    content_demo.create_locales()
    content_demo.create_home_pages()
    return HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE, depth=2)


def make_news_index(home: HomePage, *, codes=("sq", "hr")) -> NewsIndexPage:
    index = home.add_child(instance=NewsIndexPage(title="News", slug="news", locale=home.locale))
    index.save_revision().publish()
    for code in codes:
        copy = index.copy_for_translation(locale(code))
        copy.title = f"News ({code})"
        copy.save_revision().publish()
    return index


def make_series(home: HomePage, *, title="Multi-disciplinary team work") -> SeriesPage:
    series_index = home.add_child(
        instance=SeriesIndexPage(title="Series", slug="series", locale=home.locale)
    )
    series_index.save_revision().publish()
    series = series_index.add_child(
        instance=SeriesPage(title=title, slug="mdt", intro="Working together.", locale=home.locale)
    )
    series.save_revision().publish()
    return series


def make_topic(slug: str, labels: dict[str, str]) -> Topic:
    english = Topic.objects.create(slug=slug, name=labels["en"], locale=locale("en"))
    for code, label in labels.items():
        if code != "en":
            copy = english.copy_for_translation(locale(code))
            copy.name = label
            copy.save()
    return english


def make_funder(name: str = "Adriatic Children's Fund") -> Funder:
    return Funder.objects.create(name=name, url="https://example.org/fund", locale=locale("en"))


def make_article(
    index: NewsIndexPage,
    *,
    title: str = "Six agencies meet around one child",
    slug: str | None = None,
    paragraphs: tuple[str, ...] = (
        "The social worker opened the meeting.",
        "The police officer explained the referral.",
        "The school psychologist described the child's progress.",
    ),
    date: datetime.date = datetime.date(2026, 5, 4),
    countries: tuple[str, ...] = ("XK",),
    topics=(),
    series: SeriesPage | None = None,
    funders=(),
) -> NewsArticlePage:
    article = index.add_child(
        instance=NewsArticlePage(
            title=title,
            slug=slug or title.lower().replace(" ", "-")[:60],
            intro="A roundtable in a small municipality.",
            date=date,
            countries=list(countries),
            series=series,
            body=[("paragraph", f"<p>{text}</p>") for text in paragraphs],
            locale=index.locale,
        )
    )
    article.topics.set(topics)
    article.funders.set(funders)
    article.save_revision().publish()
    return article


def translate_article(
    article: NewsArticlePage, code: str, *, skip_paragraphs=()
) -> NewsArticlePage:
    """Translate through wagtail-localize; the paragraphs at `skip_paragraphs` stay untranslated."""
    block_ids = [block.id for block in article.body]
    skipped = {f"body.{block_ids[i]}" for i in skip_paragraphs}

    def translate(path: str) -> str | None:
        if path in skipped:
            return None
        if path == "slug":
            return f"{article.slug}-{code}"
        return f"[{code}] {path}"

    return translate_with_localize(article, locale=locale(code), translate=translate)
