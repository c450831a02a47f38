"""Browser journey: a reader follows the news into a partly translated article and back."""

from pathlib import Path

import pytest

from roundtable.glossary.models import Term
from roundtable.news.tests.factories import (
    locale,
    make_article,
    make_news_index,
    make_site,
    translate_article,
)

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def content(transactional_db):
    home = make_site()
    index = make_news_index(home)
    article = make_article(
        index,
        title="Six agencies meet around one child",
        paragraphs=(
            "The social worker opened the meeting.",
            "The police officer explained the referral.",
            "Next steps were agreed for June.",
        ),
    )
    croatian = translate_article(article, "hr", skip_paragraphs=[2])
    term = Term.objects.create(
        slug="case-conference",
        term="Case conference",
        definition="A meeting of professionals around one child.",
        locale=locale("en"),
    )
    copy = term.copy_for_translation(locale("hr"))
    copy.term, copy.definition = "Okrugli stol o slučaju", "Sastanak stručnjaka oko jednog djeteta."
    copy.save()
    return article, croatian


def test_reader_opens_news_switches_to_croatian_sees_what_is_untranslated_and_reads_the_original(
    page, content
):
    article, croatian = content
    page.goto("/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="News").click()
    page.get_by_role("link", name=article.title).click()
    page.get_by_role("heading", name=article.title, level=1).wait_for()

    page.locator(".language-switcher summary").click()
    page.locator('.language-switcher a[hreflang="hr"]').click()
    page.wait_for_url(f"**{croatian.url}")
    assert page.locator("html").get_attribute("lang") == "hr"
    notice = page.locator(".translation-notice")
    assert "%" in notice.inner_text()
    untranslated = page.locator("[data-untranslated]")
    assert untranslated.count() == 1
    assert untranslated.get_attribute("lang") == "en"
    assert "Next steps were agreed for June." in untranslated.inner_text()
    page.screenshot(path=str(ARTIFACTS / "journey-partial-translation-hr.png"), full_page=True)

    notice.get_by_role("link").click()
    page.wait_for_url(f"**{article.url}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".translation-notice").count() == 0

    # The glossary finds the agreed English term from its Croatian wording.
    page.goto("/en/glossary/")
    page.get_by_label("Find a term").fill("okrugli stol")
    page.keyboard.press("Enter")
    page.locator(".glossary-entry dt", has_text="Case conference").wait_for()
    assert page.locator(".glossary-entry").count() == 1
