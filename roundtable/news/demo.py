"""Demo news: a series of fictional articles, one fully translated into Albanian and partly
into Croatian (its last paragraph left in English, as real sites too often do)."""

import datetime

from django.conf import settings
from django.utils.html import escape
from django.utils.translation import gettext_noop

from roundtable.content.demo import load, localize, section_page
from roundtable.content.models import Funder, SeriesPage, Topic
from roundtable.news.models import NewsArticlePage, NewsIndexPage

ORDER = 20


def _body(blocks: list[dict]) -> list[tuple]:
    body = []
    for block in blocks:
        if block["type"] == "paragraph":
            body.append(("paragraph", f"<p>{escape(block['text'])}</p>"))
        elif block["type"] == "heading":
            body.append(("heading", block["text"]))
        elif block["type"] == "quote":
            body.append(
                ("quote", {"text": block["text"], "attribution": block.get("attribution", "")})
            )
    return body


def _segment_values(article: NewsArticlePage, translated: dict) -> dict:
    """Segment path -> translated text, from the JSON translation of an article."""
    values = {"title": translated["title"], "intro": translated["intro"]}
    for block, text in zip(article.body, translated["blocks"], strict=True):
        if text is None:
            continue  # left untranslated on purpose
        if block.block_type == "quote":
            text = text if isinstance(text, dict) else {"text": text}
            values[f"body.{block.id}.text"] = text["text"]
            if text.get("attribution"):
                values[f"body.{block.id}.attribution"] = text["attribution"]
        else:
            values[f"body.{block.id}"] = text
    return values


def create_articles() -> None:
    index = section_page(
        NewsIndexPage,
        slug="news",
        title_msgid=gettext_noop("News"),
        intro_msgid=gettext_noop("News from child-protection professionals in South-East Europe."),
    )
    series = SeriesPage.objects.filter(locale=index.locale).first()
    funders = list(Funder.objects.filter(locale=index.locale))
    for entry in load("articles.json"):
        article = NewsArticlePage.objects.filter(locale=index.locale, slug=entry["slug"]).first()
        if article is None:
            article = index.add_child(
                instance=NewsArticlePage(
                    title=entry["title"],
                    slug=entry["slug"],
                    intro=entry["intro"],
                    date=datetime.date.fromisoformat(entry["date"]),
                    countries=entry["countries"],
                    series=series,
                    body=_body(entry["blocks"]),
                    locale=index.locale,
                )
            )
            article.topics.set(Topic.objects.filter(locale=index.locale, slug__in=entry["topics"]))
            article.funders.set(funders)
            article.save_revision().publish()
        for code, translated in entry["translations"].items():
            if code != settings.LANGUAGE_CODE:
                localize(article, code, _segment_values(article, translated))


def steps():
    return [("news", create_articles)]
