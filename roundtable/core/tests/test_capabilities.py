"""One declaration per capability: a new app is one folder plus one line in INSTALLED_APPS.

The test capability (`capability_app`) is installed only here. Its nav entry, footer link,
home section, search result, sitemap section and demo step must each show up without any
other file naming it.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.urls import clear_url_caches

from roundtable.core import capabilities
from roundtable.core.demo_steps import collect_steps

TEST_APP = "roundtable.core.tests.capability_app"
TEST_URLCONF = f"{TEST_APP}.root_urls"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def test_capability(monkeypatch):
    """The site with the test capability installed, and a URLconf built from the declarations
    under the new INSTALLED_APPS (imported afresh on the first request)."""
    from django.utils.module_loading import import_string
    from ninja import NinjaAPI

    add_router = NinjaAPI.add_router

    def add_router_once(api, prefix, router, **kwargs):
        # The override re-runs every app's ready(); Wagtail's mount their API routers and
        # ninja refuses to mount one twice. A router already mounted stays as it is.
        router = import_string(router) if isinstance(router, str) else router
        if any(registration[1] is router for registration in api._router_registrations):
            return None
        return add_router(api, prefix, router, **kwargs)

    monkeypatch.setattr(NinjaAPI, "add_router", add_router_once)
    sys.modules.pop(TEST_URLCONF, None)
    with override_settings(
        INSTALLED_APPS=[*settings.INSTALLED_APPS, TEST_APP], ROOT_URLCONF=TEST_URLCONF
    ):
        clear_url_caches()
        yield
    sys.modules.pop(TEST_URLCONF, None)
    clear_url_caches()


@pytest.fixture
def home(db):
    from roundtable.news.tests.factories import make_site

    return make_site()


def _soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_every_capability_declares_once_in_installed_apps_order():
    keys = [capability.key for capability in capabilities.all()]
    assert keys == [
        "accounts",
        "content",
        "news",
        "library",
        "search",
        "glossary",
        "notifications",
        "translations",
        "forum",
    ]


def test_test_capability_shows_in_header_footer_and_home_page(test_capability, home, client):
    soup = _soup(client, "/en/")

    header_links = [a["href"] for a in soup.select("header nav a")]
    assert "/en/lanterns/" in header_links
    footer = soup.select_one("footer .footer-links")
    assert footer.find("a", string="About lanterns")["href"] == "/en/lanterns/"
    section = soup.select_one("#lanterns-heading").find_parent("section")
    assert section.select_one("[data-lanterns]").text == "3 lanterns"
    # The existing footer links are still there, now from their own declarations.
    assert footer.find("a", string="Code of conduct")["href"] == "/en/code-of-conduct/"


def test_test_capability_answers_the_site_search(test_capability, home, client):
    soup = _soup(client, "/en/search/?q=lantern")

    assert "The fixed lantern result" in soup.get_text()
    assert soup.find("a", href="/en/lanterns/") is not None


def test_test_capability_has_a_sitemap_section(test_capability, home, client):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert b"/en/lanterns/</loc>" in response.content
    assert client.get("/sitemap-lanterns.xml").status_code == 200


def test_test_capability_demo_step_runs_last(test_capability):
    from roundtable.core.tests.capability_app.apps import DEMO_DONE_KEY

    steps = collect_steps()
    label, step = steps[-1]
    assert label == "Lanterns"
    step()
    assert cache.get(DEMO_DONE_KEY) is True


def test_test_capability_is_gone_once_uninstalled(test_capability):
    assert capabilities.get("capability_app") is not None
    with override_settings(INSTALLED_APPS=settings.INSTALLED_APPS[:-1]):
        assert capabilities.get("capability_app") is None
        assert "lanterns" not in capabilities.sitemaps()
        assert all(item.url_name != "capability_app:index" for item in capabilities.nav_items())


def test_every_declared_notification_kind_renders_right_after_setup():
    """In a fresh interpreter, as a worker or a shell starts: no module that sends the
    notification has been imported by hand."""
    script = (
        "import django; django.setup()\n"
        "from roundtable.notifications.kinds import render\n"
        "print(render('library_suggestion_received', {'title': 'Child protection protocol'}))\n"
        "print(render('translation_source_changed', {'title': 'T', 'language': 'sq'}))\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "roundtable.settings"}
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    lines = result.stdout.strip().splitlines()
    assert lines[0] == (
        "A member suggested a document for the library: “Child protection protocol”. "
        "Please review it."
    )
    assert "Albanian translation is now out of date" in lines[1]


def test_no_declared_notification_kind_falls_back_to_the_generic_message():
    from roundtable.notifications.kinds import render

    generic = "You have a new notification."
    params = {"author": "A", "thread": "T", "title": "T", "language": "sq"}
    for kind in capabilities.notification_kinds():
        assert render(kind, params) != generic, kind


def test_every_translatable_model_is_declared():
    """Every model with a translation key (pages aside, which the page tree covers) is on
    the dashboard: a new translatable model cannot be forgotten."""
    from django.apps import apps
    from wagtail.models import Page, TranslatableMixin

    declared = set(capabilities.translatable_models())
    for model in apps.get_models():
        if not model.__module__.startswith("roundtable."):
            continue
        if issubclass(model, TranslatableMixin) and not model._meta.abstract:
            assert model._meta.label in declared, model._meta.label
        if issubclass(model, Page) and model is not Page:
            assert model._meta.label in declared, model._meta.label


def test_child_pages_name_their_parents_and_home_names_no_capability():
    from roundtable.content.models import HomePage
    from roundtable.news.models import NewsIndexPage

    assert "subpage_types" not in HomePage.__dict__
    assert NewsIndexPage in HomePage.allowed_subpage_models()
