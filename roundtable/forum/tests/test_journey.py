"""Browser journey: a member reads a conference follow-up, replies, and the unread counts
change for them and for a colleague."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from roundtable.accounts.tests.factories import PASSWORD, make_code_of_conduct, make_member
from roundtable.content.demo import create_locales
from roundtable.forum.models import Visibility
from roundtable.forum.tests.factories import make_category, make_thread

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def forum(transactional_db, settings):
    settings.FORUM_POSTS_BEFORE_TRUSTED = 0
    create_locales()
    make_code_of_conduct(version=1)
    people = {
        name: make_member(full_name=full, username=name, country=country)
        for name, full, country in [
            ("teuta", "Teuta Krasniqi", "XK"),
            ("goran", "Goran Petrov", "MK"),
            ("ilinca", "Ilinca Rusu", "MD"),
        ]
    }
    group = Group.objects.create(name="Conference participants")
    group.user_set.add(*people.values())
    category = make_category(
        "conference-follow-up",
        name="Conference follow-up",
        visibility=Visibility.GROUP,
        group=group,
    )
    thread = make_thread(category, authors=[people["teuta"], people["ilinca"]], posts=7)
    return {**people, "thread": thread}


def _log_in(page, username):
    page.goto("/en/accounts/login/")
    page.fill('input[name="login"]', f"{username}@example.org")
    page.fill('input[name="password"]', PASSWORD)
    page.locator('form button[type="submit"]', has_text="Sign In").click()
    page.wait_for_url("**/profile/**")


def _row(page):
    return page.locator(
        "tr", has=page.get_by_role("link", name="Follow-up of the regional conference")
    )


@pytest.fixture
def new_tab(browser, live_server):
    """Tabs in separate browser contexts (one per member), all closed after the test so
    that no request reaches the live server once its database is gone."""
    contexts = []

    def open_tab():
        context = browser.new_context(locale="en-GB", base_url=live_server.url)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        return tab

    yield open_tab
    for context in contexts:
        context.close()


def test_read_reply_and_watch_the_counts_change(new_tab, forum):
    ARTIFACTS.mkdir(exist_ok=True)
    goran = new_tab()
    _log_in(goran, "goran")
    goran.goto("/en/forum/")
    goran.get_by_text("1 new thread").wait_for()
    goran.get_by_role("link", name="Conference follow-up").click()
    assert " ".join(_row(goran).locator(".post-count").inner_text().split()) == "7 posts / 7 new"

    goran.get_by_role("link", name="7 new").click()
    goran.get_by_text("First unread post", exact=True).wait_for()
    goran.go_back()
    goran.reload()
    assert " ".join(_row(goran).locator(".post-count").inner_text().split()) == "7 posts / 0 new"

    _row(goran).get_by_role("link", name="Follow-up of the regional conference").click()
    goran.get_by_role("button", name="Helpful").first.click()
    goran.get_by_text("1 member found this helpful").wait_for()
    goran.get_by_label("Your reply").fill(
        "Thanks, @ilinca: I will **share the form** with our team."
    )
    goran.get_by_role("button", name="Post the reply").click()
    goran.get_by_text("Your reply is published.").wait_for()
    assert goran.locator(".post-body strong", has_text="share the form").count() == 1
    goran.screenshot(path=str(ARTIFACTS / "journey-forum-thread.png"), full_page=True)

    ilinca = new_tab()
    _log_in(ilinca, "ilinca")
    ilinca.goto("/en/notifications/")
    ilinca.get_by_text("Goran Petrov mentioned you").wait_for()
    ilinca.goto("/en/forum/c/conference-follow-up/")
    thread_url = f"/en/forum/t/{forum['thread'].pk}/"
    ilinca.goto(thread_url)  # Ilinca reads everything
    goran.goto("/en/forum/c/conference-follow-up/")
    assert " ".join(_row(goran).locator(".post-count").inner_text().split()) == "8 posts / 0 new"
    ilinca.get_by_label("Your reply").fill("Wonderful, thank you.")
    ilinca.get_by_role("button", name="Post the reply").click()
    ilinca.get_by_text("Your reply is published.").wait_for()
    goran.reload()
    assert " ".join(_row(goran).locator(".post-count").inner_text().split()) == "9 posts / 1 new"
    goran.screenshot(path=str(ARTIFACTS / "journey-forum-category.png"), full_page=True)

    # An outsider finds nothing.
    outsider = new_tab()
    outsider.goto(thread_url)
    assert outsider.get_by_role("heading", name="Follow-up of the regional conference").count() == 0
