"""Test set-up shared by every app: fast, isolated, and honest about skipped browser tests."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent
# The task backend settings.py chose (RQ with REDIS_URL, else the database queue), before
# the ordinary tests switch to the immediate backend; the `queue` tests use it.
_CONFIGURED_TASKS: dict = {}


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
    _CONFIGURED_TASKS.update(settings.TASKS)
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


_TOOL_MISSING = pytest.StashKey[str]()


def pytest_collection_modifyitems(config, items):
    if any("queue" in item.keywords for item in items):
        _sqlite_test_database_on_disk()
    _skip_redis_tests_without_redis(config, items)
    _skip_tests_without_their_tools(config, items)


def _skip_tests_without_their_tools(config, items) -> None:
    """Tests whose tool (Chromium, Java, an npm package) is missing are skipped and listed
    at the end, in red; under CI=true they fail instead (CI must check everything)."""
    from roundtable.core.tests import system_tools

    ci = os.environ.get("CI") == "true"
    entries = []
    for entry, needing in system_tools.not_checked(items):
        entries.append(entry)
        reason = f"NOT CHECKED: {entry.tool.label} ({', '.join(entry.why)}). Install: {entry.tool.install}"
        for item in needing:
            if ci:
                item.stash[_TOOL_MISSING] = f"CI=true needs every tool. {reason}"
            else:
                item.add_marker(pytest.mark.skip(reason=reason))
    if not ci:
        config._roundtable_not_checked = entries


def pytest_runtest_setup(item):
    missing = item.stash.get(_TOOL_MISSING, None)
    if missing:
        pytest.fail(missing, pytrace=False)


def _skip_redis_tests_without_redis(config, items) -> None:
    from django.conf import settings

    redis_items = [item for item in items if "redis" in item.keywords]
    if settings.REDIS_URL or not redis_items:
        return
    reason = (
        f"REDIS TESTS SKIPPED ({len(redis_items)}): REDIS_URL is not set. "
        "CI's PostgreSQL run sets it; locally: REDIS_URL=redis://127.0.0.1:6379/0 make test."
    )
    for item in redis_items:
        item.add_marker(pytest.mark.skip(reason=reason))
    config._roundtable_redis_skip = reason


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter, exitstatus, config):
    # After pytest's own summary (the skipped tests' reasons): the last words before the count.
    yield
    reason = getattr(config, "_roundtable_redis_skip", None)
    if reason:
        terminalreporter.write_sep("!", reason, red=True, bold=True)
    from roundtable.core.tests import system_tools

    lines = system_tools.summary(getattr(config, "_roundtable_not_checked", []))
    if lines:
        terminalreporter.write_sep("!", lines[0], red=True, bold=True)
        for line in lines[1:]:
            terminalreporter.write_line(line, red=True)


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


# --- A real task worker for the `queue` tests ------------------------------------------------

WORKER_START_TIMEOUT = 60


def _sqlite_test_database_on_disk() -> None:
    """A worker is another process: it cannot open SQLite's in-memory test database. When
    `queue` tests run, the SQLite test database is a file (WAL mode, as in development)."""
    import tempfile

    from django.db import connections

    settings_dict = connections["default"].settings_dict
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3" and not settings_dict.get(
        "TEST", {}
    ).get("NAME"):
        path = Path(tempfile.mkdtemp(prefix="roundtable-test-db-")) / "test.sqlite3"
        settings_dict.setdefault("TEST", {})["NAME"] = str(path)


def _database_url(settings_dict: dict) -> str:
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{settings_dict['NAME']}"
    from urllib.parse import quote

    user = quote(settings_dict.get("USER") or "")
    password = quote(settings_dict.get("PASSWORD") or "")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}{host}:{port}/{settings_dict['NAME']}"


class QueueWorker:
    """A `manage.py run_worker` process on the test database, and what the tests read."""

    def __init__(self, *, workdir: Path) -> None:
        self.workdir = workdir
        self.mail_dir = workdir / "mail"
        self.media_root = workdir / "media"
        self.private_media_root = workdir / "private_media"
        self.log_path = workdir / "worker.log"
        self.process: subprocess.Popen | None = None

    def start(self, database_url: str) -> None:
        from django.conf import settings

        for folder in (self.mail_dir, self.media_root, self.private_media_root):
            folder.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "DEBUG": "true",
            "DATABASE_URL": database_url,
            # filemail:// drops the first slash of the path: an absolute path needs four.
            "EMAIL_URL": f"filemail:///{self.mail_dir}",
            "MEDIA_ROOT": str(self.media_root),
            "PRIVATE_MEDIA_ROOT": str(self.private_media_root),
            "PYTHONUNBUFFERED": "1",
            # Frequent beats, so that a test sees one within seconds.
            "WORKER_HEARTBEAT_INTERVAL": "2",
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        if settings.REDIS_URL:
            env["REDIS_URL"] = settings.REDIS_URL
            env["REDIS_QUEUE_URL"] = settings.REDIS_QUEUE_URL
        log = self.log_path.open("wb")
        # A session of its own, so that teardown stops the worker and every process it
        # forked (RQ's scheduler and work horse) by their process group.
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [sys.executable, "manage.py", "run_worker", "--no-reload"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def wait_until_alive(self, timeout: float = WORKER_START_TIMEOUT) -> None:
        from roundtable.core.models import WorkerHeartbeat

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"The task worker exited ({self.process.returncode}):\n{self.log()}")
            if WorkerHeartbeat.objects.exists():
                return
            time.sleep(0.2)
        pytest.fail(f"The task worker wrote no heartbeat within {timeout} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def _queue_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """One worker for the whole run (starting one takes seconds), on the test database."""
    from django.conf import settings
    from django.db import connection

    if settings.REDIS_URL:
        import django_rq

        # Jobs a previous run left behind in the test queue's own Redis database.
        django_rq.get_connection("default").flushdb()
    worker = QueueWorker(workdir=tmp_path_factory.mktemp("queue-worker"))
    worker.start(_database_url(connection.settings_dict))
    try:
        with django_db_blocker.unblock():
            worker.wait_until_alive()
        yield worker
    finally:
        worker.stop()


@pytest.fixture
def task_worker(_queue_worker_process, transactional_db, settings):
    """Tasks go to the configured queue (RQ with REDIS_URL, else the database) and a real
    worker runs them; `task_worker.wait()` waits until every task queued so far ended."""
    from django_tasks.signals import task_enqueued

    from roundtable.core.tests.migration_rows import restore_migration_rows

    restore_migration_rows()
    worker = _queue_worker_process
    settings.TASKS = dict(_CONFIGURED_TASKS)
    settings.MEDIA_ROOT = worker.media_root
    settings.PRIVATE_MEDIA_ROOT = worker.private_media_root
    for message in worker.mail_dir.iterdir():
        message.unlink()
    worker.results = []

    def remember(sender, task_result, **kwargs):
        worker.results.append(task_result)

    def wait(timeout: float = 30):
        deadline = time.monotonic() + timeout
        pending = list(worker.results)
        while pending and time.monotonic() < deadline:
            for result in list(pending):
                result.refresh()
                if result.is_finished:
                    pending.remove(result)
            time.sleep(0.1)
        if pending:
            pytest.fail(f"Tasks still unfinished after {timeout} s:\n{worker.log()}")
        return list(worker.results)

    worker.wait = wait
    task_enqueued.connect(remember, weak=False, dispatch_uid="queue-test-enqueued")
    try:
        yield worker
    finally:
        task_enqueued.disconnect(dispatch_uid="queue-test-enqueued")
