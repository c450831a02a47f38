"""Browser checks of what axe alone does not catch: target sizes, visible focus, distinct
landmark names, pages at 320 px, menus that Escape closes, and a phone's first screen."""

import pytest
from django.contrib.auth.models import Group

from roundtable.accounts.tests.factories import PASSWORD, make_code_of_conduct, make_member
from roundtable.content import demo as content_demo
from roundtable.forum.models import Visibility
from roundtable.forum.services import watch_set
from roundtable.forum.tests.factories import make_category, make_thread
from roundtable.library.models import Kind
from roundtable.library.tests.factories import make_entry

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 360, "height": 780}
SMALLEST = {"width": 320, "height": 640}


@pytest.fixture
def site(transactional_db, settings):
    settings.FORUM_POSTS_BEFORE_TRUSTED = 0
    content_demo.create_locales()
    content_demo.create_home_pages()
    make_code_of_conduct(version=1)
    member = make_member(full_name="Erzsébet Kovács-Szentgyörgyi", username="erzsebet")
    group = Group.objects.create(name="Regional network")
    group.user_set.add(member)
    category = make_category(
        "practice-and-methods",
        name="Practice and methods",
        description="Tools, protocols and methods that helped in casework.",
    )
    make_category("network", name="Regional network", visibility=Visibility.GROUP, group=group)
    thread = make_thread(
        category,
        authors=[member],
        title="How do you prepare a child for a multi-disciplinary meeting?",
        posts=4,
    )
    watch_set(user=member, email="immediate", thread=thread)
    countries = ["AL", "BA", "BG", "HR", "HU", "ME", "MK", "RO", "RS", "XK"]
    for number, kind in enumerate(Kind.values):
        make_entry(
            title=f"Protocol on children in street situations, part {number + 1}",
            summary="Who does what when a child is found begging or working in the street.",
            kind=kind,
            languages=["en", "sq", "hr", "mk", "hu"][: number % 5 + 1],
            countries=countries[number : number + 3],
            year=2015 + number,
        )
    return {"member": member, "category": category, "thread": thread}


@pytest.fixture
def tab(browser, live_server):
    """`tab(viewport=…)`: a tab in a fresh browser context, closed after the test."""
    contexts = []

    def open_tab(viewport=None):
        context = browser.new_context(
            locale="en-GB",
            base_url=live_server.url,
            viewport=viewport or {"width": 1280, "height": 800},
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_tab
    for context in contexts:
        context.close()


def _log_in(page, username):
    page.goto("/en/accounts/login/")
    page.fill('input[name="login"]', f"{username}@example.org")
    page.fill('input[name="password"]', PASSWORD)
    page.locator('form button[type="submit"]', has_text="Sign In").click()
    page.wait_for_url("**/profile/**")


def _focused(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement.matches(s)", selector)


def test_forgot_password_is_a_24_px_target(tab, site):
    page = tab()
    for language in ("en", "hr"):
        page.goto(f"/{language}/accounts/login/")
        box = page.locator('a[href$="/accounts/password/reset/"]').bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24, (language, box)


def test_header_search_button_shows_where_the_focus_is(tab, site):
    page = tab()
    page.goto("/en/")
    page.locator("#header-q").focus()
    page.keyboard.press("Tab")
    button = page.locator(".header-search button")
    assert _focused(page, ".header-search button")
    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box
    outline = button.evaluate(
        "b => [getComputedStyle(b).outlineStyle, getComputedStyle(b).outlineWidth]"
    )
    assert outline[0] != "none" and float(outline[1].removesuffix("px")) >= 2, outline


def _search_landmark_names(page) -> list[str]:
    """The accessible names of the page's search landmarks, as the browser exposes them."""
    names = []
    landmarks = page.get_by_role("search")
    for index in range(landmarks.count()):
        first_line = landmarks.nth(index).aria_snapshot().splitlines()[0]
        # `- search "Name":`, or `- search:` for a landmark without a name
        names.append(first_line.partition('"')[2].rpartition('"')[0])
    return names


def test_every_search_landmark_has_a_name_of_its_own(tab, site):
    page = tab()
    _log_in(page, "erzsebet")
    for url in (
        "/en/search/?q=child",
        "/en/library/",
        "/en/forum/",
        "/en/forum/search/?q=child",
        "/en/glossary/",
        "/en/members/",
        "/hr/search/?q=child",
        "/hr/library/",
    ):
        page.goto(url)
        names = _search_landmark_names(page)
        assert len(names) >= 2, (url, names)
        assert all(names) and len(set(names)) == len(names), (url, names)


def test_no_page_scrolls_sideways_at_320_px(tab, site):
    page = tab(viewport=SMALLEST)
    _log_in(page, "erzsebet")
    category, thread = site["category"], site["thread"]
    wide = []
    for language in ("hu", "en", "mk"):
        for path in (
            "forum/",
            f"forum/c/{category.slug}/",
            "forum/watching/",
            f"forum/t/{thread.pk}/",
            "forum/search/?q=child",
            "library/",
            "members/",
            "search/?q=child",
        ):
            page.goto(f"/{language}/{path}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > SMALLEST["width"]:
                wide.append(f"/{language}/{path}: {width} px")
        page.locator(".site-menu > summary").click()  # the header's menu, open
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > SMALLEST["width"]:
            wide.append(f"/{language}/search/ with the menu open: {width} px")
    assert not wide, "Pages wider than the screen:\n" + "\n".join(wide)


def test_forum_tables_keep_their_semantics_on_a_narrow_screen(tab, site):
    page = tab(viewport=SMALLEST)
    page.goto(f"/hu/forum/c/{site['category'].slug}/")
    table = page.get_by_role("table")
    assert table.get_by_role("columnheader").count() == 3
    assert table.get_by_role("rowheader", name=site["thread"].title).count() == 1


def test_escape_closes_the_language_menu_and_focus_returns_to_its_toggle(tab, site):
    page = tab()
    page.goto("/en/")
    menu = page.locator(".language-switcher")
    toggle = menu.locator("summary")

    toggle.click()
    page.keyboard.press("Tab")
    assert _focused(page, ".language-switcher a")
    page.keyboard.press("Escape")
    assert menu.evaluate("d => d.open") is False
    assert _focused(page, ".language-switcher summary")

    page.keyboard.press("Enter")
    assert menu.evaluate("d => d.open") is True
    page.keyboard.press("Escape")
    assert menu.evaluate("d => d.open") is False
    assert _focused(page, ".language-switcher summary")


def test_on_a_phone_the_results_come_first_and_the_header_is_small(tab, site):
    page = tab(viewport=PHONE)
    page.goto("/en/library/")
    header = page.locator(".site-header").bounding_box()
    first_result = page.locator(".entry-card").first.bounding_box()
    assert header["height"] < 150, header
    assert first_result["y"] < 600, first_result

    # The facets are folded, one tap away.
    kind = page.locator(".facet a", has_text="Toolkit")
    assert not kind.is_visible()
    page.get_by_text("Refine the results").click()
    assert kind.is_visible()


def test_on_a_phone_the_header_is_small_in_every_language(tab, site):
    page = tab(viewport=PHONE)
    for language in ("en", "sq", "hr", "sr-latn", "cnr", "bs", "mk", "ro", "bg", "hu"):
        page.goto(f"/{language}/forum/")
        height = page.locator(".site-header").bounding_box()["height"]
        assert height < 150, (language, height)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_the_folded_navigation_is_reachable_by_keyboard(tab, site):
    page = tab(viewport=PHONE)
    page.goto("/en/")
    forum = page.get_by_role("navigation", name="Main").get_by_role("link", name="Forum")
    assert not forum.is_visible()
    for _press in range(4):  # skip link, brand, then the menu's toggle
        page.keyboard.press("Tab")
        if _focused(page, ".site-menu > summary"):
            break
    assert _focused(page, ".site-menu > summary")
    page.keyboard.press("Enter")
    assert forum.is_visible()
    page.keyboard.press("Tab")
    assert _focused(page, '.main-nav a[href="/en/"]')
    page.keyboard.press("Escape")
    assert not forum.is_visible()
    assert _focused(page, ".site-menu > summary")


def test_on_a_wide_screen_the_navigation_is_not_folded(tab, site):
    page = tab()
    page.goto("/en/library/")
    assert (
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Forum").is_visible()
    )
    assert page.locator(".facet a", has_text="Toolkit").is_visible()
    assert not page.get_by_text("Refine the results").is_visible()
    assert page.locator(".site-header").bounding_box()["height"] < 80
