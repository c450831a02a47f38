"""axe-core (WCAG 2.2 AA) over every page type of the catalogue, in English and Macedonian,
signed out and signed in, at a desktop's and a phone's width, in one browser session."""

from collections import defaultdict
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from roundtable.core.tests.page_types import WHO, page_types, sign_in

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
LANGUAGES = ("en", "mk")
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 780}}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_site(transactional_db):
    """The demo content, committed: the live server's thread reads it."""
    call_command("demo", verbosity=0)


def _axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (axe-core is pinned in package.json).")
    return AXE.read_text()


def _tab(browser, live_server, who: str, viewport: dict):
    """A tab signed in as `who`: the session of a test client, handed to the browser."""
    client = sign_in(Client(), who)
    context = browser.new_context(locale="en-GB", base_url=live_server.url, viewport=viewport)
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    if cookie is not None:
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    return context, tab


def _violations(tab, source: str) -> list[dict]:
    tab.evaluate(source)
    return tab.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]


def test_every_page_type_has_no_axe_violations(browser, live_server, demo_site):
    source = _axe_source()
    contexts, tabs = [], {}
    for width, viewport in WIDTHS.items():
        for who in WHO:
            context, tabs[width, who] = _tab(browser, live_server, who, viewport)
            contexts.append(context)
    found = defaultdict(list)  # "page (who, width)" → ["rule: nodes"]
    node_counts = defaultdict(int)
    pages = 0
    try:
        for language in LANGUAGES:
            for page in page_types(language):
                for width in WIDTHS:
                    tab = tabs[width, page.who]
                    response = tab.goto(page.url)
                    assert response.status == page.status, (page, response.status)
                    pages += 1
                    for violation in _violations(tab, source):
                        nodes = ", ".join(
                            " ".join(str(part) for part in node["target"])
                            for node in violation["nodes"][:5]
                        )
                        more = len(violation["nodes"]) - 5
                        node_counts[violation["id"]] += len(violation["nodes"])
                        found[f"{page.url} — {page.name} ({page.who}, {width})"].append(
                            f"{violation['id']} ({violation['impact']}): {nodes}"
                            + (f" and {more} more" if more > 0 else "")
                        )
    finally:
        for context in contexts:
            context.close()
    assert pages > 200
    count = sum(len(rules) for rules in found.values())
    nodes = sum(nodes for nodes in node_counts.values())
    report = "\n".join(
        f"{page}\n" + "\n".join(f"    {rule}" for rule in rules) for page, rules in found.items()
    )
    assert not found, (
        f"{count} axe violations ({nodes} elements) on {len(found)} of {pages} pages:\n{report}"
    )
