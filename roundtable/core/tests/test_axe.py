"""axe-core (WCAG 2.2 AA) over every page type of the catalogue, in one browser session: in
English at a desktop's width and in Macedonian (long words) at 320 px, where
no page may scroll sideways either (WCAG 1.4.10); signed out and signed in."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from roundtable.core.tests.migration_rows import restore_migration_rows
from roundtable.core.tests.page_types import WHO, page_types, sign_in

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 320, "height": 640}}
RUNS = (("en", "desktop"), ("mk", "phone"))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.axe,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_site(transactional_db):
    """The demo content, committed: the live server's thread reads it."""
    restore_migration_rows()
    call_command("demo", verbosity=0)


def _axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (axe-core is pinned in package.json).")
    return AXE.read_text()


def _tab(browser, live_server, who: str, viewport: dict, source: str):
    """A tab signed in as `who` (the session of a test client, handed to the browser) that
    loads axe into every page (a script the browser adds, which the site's CSP allows)."""
    client = sign_in(Client(), who)
    context = browser.new_context(locale="en-GB", base_url=live_server.url, viewport=viewport)
    context.add_init_script(source)
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    if cookie is not None:
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    return context, tab


def _problems(tab, width: str) -> list[str]:
    """axe's violations ("rule (impact): nodes"), and a page wider than a phone's screen."""
    problems = []
    for violation in tab.evaluate("options => axe.run(document, options)", AXE_OPTIONS)[
        "violations"
    ]:
        targets = [" ".join(str(part) for part in node["target"]) for node in violation["nodes"]]
        more = f" and {len(targets) - 5} more" if len(targets) > 5 else ""
        problems.append(
            f"{violation['id']} ({violation['impact']}): {', '.join(targets[:5])}{more}"
        )
    scroll_width = tab.evaluate("document.documentElement.scrollWidth")
    if width == "phone" and scroll_width > WIDTHS[width]["width"]:
        problems.append(f"scrolls sideways: {scroll_width} px wide")
    return problems


def test_every_page_type_has_no_axe_violations(browser, live_server, demo_site):
    source = _axe_source()
    contexts, tabs = [], {}
    for width in sorted({width for _language, width in RUNS}):
        for who in WHO:
            context, tabs[width, who] = _tab(browser, live_server, who, WIDTHS[width], source)
            contexts.append(context)
    found = {}  # "url — page type (who, width)" → ["rule (impact): nodes", …]
    pages = 0
    try:
        for language, width in RUNS:
            for page in page_types(language):
                tab = tabs[width, page.who]
                response = tab.goto(page.url)
                assert response.status == page.status, (page, response.status)
                pages += 1
                problems = _problems(tab, width)
                if problems:
                    found[f"{page.url} — {page.name} ({page.who}, {width})"] = problems
    finally:
        for context in contexts:
            context.close()
    assert pages > 200
    count = sum(len(problems) for problems in found.values())
    report = "\n".join(
        f"{page}\n" + "\n".join(f"    {problem}" for problem in problems)
        for page, problems in found.items()
    )
    assert not found, f"{count} problems on {len(found)} of {pages} pages:\n{report}"
