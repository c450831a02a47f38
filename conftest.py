"""Test set-up shared by every app: fast, isolated, and honest about skipped browser tests."""

import os

import pytest

CHROMIUM = "/usr/bin/chromium"


def pytest_configure(config):
    from django.conf import settings
    from django.test.signals import setting_changed

    # Tests run with DEBUG off but without `collectstatic`: plain static storage. The signal
    # makes Django drop the storages it may already have built from the old value.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    setting_changed.send(sender=None, setting="STORAGES", value=settings.STORAGES, enter=True)
    # Tasks run inline, so a test sees their effect (mail sent, index updated) at once.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    setting_changed.send(sender=None, setting="TASKS", value=settings.TASKS, enter=True)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SECURE_SSL_REDIRECT = False
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}


@pytest.fixture(autouse=True)
def _isolated_media_cache_and_language(settings, tmp_path):
    """Uploaded files go to a temporary folder; rate-limit counters start at zero; every test
    starts in English, whatever language the previous one left active (`reverse()` puts the
    active language in the URL)."""
    from django.core.cache import cache
    from django.utils import translation

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
    cache.clear()


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo content, loaded once per test module and rolled back after it.

    Loading it takes seconds; each test that asks for it then runs inside its own savepoint
    on top of it, as usual.
    """
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(demo_content, db):
    """Use the module's demo content in one test."""


def _chromium_missing_reason() -> str | None:
    if not os.path.exists(CHROMIUM):
        return (
            f"BROWSER JOURNEYS SKIPPED: {CHROMIUM} is missing. "
            "Install Debian's Chromium (`apt-get install -y chromium`) to run them."
        )
    return None


def pytest_collection_modifyitems(config, items):
    reason = _chromium_missing_reason()
    if reason is None:
        return
    skip = pytest.mark.skip(reason=reason)
    browser_items = [item for item in items if "browser" in item.keywords]
    for item in browser_items:
        item.add_marker(skip)
    if browser_items:
        config._roundtable_browser_skip = reason


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    reason = getattr(config, "_roundtable_browser_skip", None)
    if reason:
        terminalreporter.write_sep("!", reason, red=True, bold=True)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test thread; Django then refuses ORM
    # calls from that thread unless told that this is safe (the loop never runs our code).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield from _launch_chromium(sync_playwright)
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _launch_chromium(sync_playwright):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab that prefers English, like a first-time visitor."""
    context = browser.new_context(locale="en-GB", base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
