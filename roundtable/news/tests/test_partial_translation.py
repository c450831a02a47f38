"""A partly translated article says so, and shows what is missing in its source language."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.models import StringSegment, TranslationSource

from roundtable.news.tests.factories import make_article, translate_article

pytestmark = pytest.mark.django_db


def _soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_croatian_view_marks_the_english_paragraph_and_gives_the_translated_share(
    client, news_index
):
    article = make_article(news_index)
    croatian = translate_article(article, "hr", skip_paragraphs=[2])
    source = TranslationSource.objects.get(object_id=article.translation_key)
    total = StringSegment.objects.filter(source=source).count()
    expected = (total - 1) * 100 // total

    soup = _soup(client.get(croatian.url))

    assert soup.html["lang"] == "hr"
    untranslated = soup.select("[data-untranslated]")
    assert len(untranslated) == 1
    assert untranslated[0]["lang"] == "en"
    assert "The school psychologist described the child's progress." in untranslated[0].text
    notice = soup.select_one(".translation-notice").get_text(" ", strip=True)
    assert f"{expected} %" in notice
    assert "engleski" in notice.lower()  # "the rest is shown in English", in Croatian
    assert soup.select_one(".translation-notice a")["href"] == article.url
    # The translated paragraphs carry no source-language mark.
    assert "[hr] body." in soup.select_one(".article-body").text


def test_albanian_view_of_a_complete_translation_has_no_notice(client, news_index):
    article = make_article(news_index)
    albanian = translate_article(article, "sq")

    soup = _soup(client.get(albanian.url))

    assert soup.select_one(".translation-notice") is None
    assert not soup.select("[data-untranslated]")


def test_the_english_original_has_no_notice_and_carries_open_graph_tags(client, news_index):
    article = make_article(news_index)
    translate_article(article, "hr", skip_paragraphs=[0])

    soup = _soup(client.get(article.url))

    assert soup.select_one(".translation-notice") is None
    assert soup.find("meta", property="og:title")["content"] == article.title
    assert soup.find("meta", property="og:type")["content"] == "article"
    assert re.match(r"https?://", soup.find("meta", property="og:url")["content"])


def test_the_language_switcher_leads_to_the_translation(client, news_index):
    article = make_article(news_index)
    croatian = translate_article(article, "hr")

    soup = _soup(client.get(article.url))

    link = soup.select_one('.language-switcher a[hreflang="hr"]')
    assert link["href"] == croatian.url
    assert soup.find("link", rel="alternate", hreflang="hr")["href"].endswith(croatian.url)


def test_a_lead_image_without_a_description_is_refused(news_index):
    import io

    from django.core.exceptions import ValidationError
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (10, 90, 160)).save(buffer, format="PNG")
    image = Image.objects.create(title="Meeting room", file=ImageFile(buffer, name="room.png"))
    article = make_article(news_index)
    article.lead_image = image
    article.lead_image_alt = "  "
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "lead_image_alt" in error.value.message_dict


def test_a_draft_translation_does_not_hide_the_article_from_that_language(client, news_index):
    article = make_article(news_index, title="Still readable")
    croatian = translate_article(article, "hr")
    croatian.unpublish()

    response = client.get(news_index.get_translation(croatian.locale).url)

    assert "Still readable" in response.content.decode()
