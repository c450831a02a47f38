"""The reply button keeps its distance from the footer (core stylesheet)."""

from pathlib import Path

import pytest
from django.urls import reverse

from roundtable.forum.tests.factories import make_thread

STYLESHEET = Path(__file__).resolve().parents[2] / "core" / "static" / "core" / "site.css"


@pytest.mark.browser
@pytest.mark.django_db
def test_the_reply_button_does_not_touch_the_footer(browser, client, public_category, author):
    thread = make_thread(public_category, authors=[author])
    client.force_login(author)
    html = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        # The page as served, with the core stylesheet (no server needed to measure it).
        page.set_content(html)
        page.add_style_tag(path=str(STYLESHEET))
        button = page.locator(".reply-box button[type=submit]").bounding_box()
        footer = page.locator("footer.site-footer").bounding_box()
    finally:
        context.close()
    assert footer["y"] - (button["y"] + button["height"]) >= 32
