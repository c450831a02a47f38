"""Error pages, health check, navigation and security headers."""

import pytest
from django.test import Client
from django.urls import path

pytestmark = pytest.mark.django_db


def test_404_is_translated(client):
    response = client.get("/sq/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="sq">' in html
    assert "Page not found" not in html


def _boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("sq/boom/", _boom)]


def test_500_is_translated_and_needs_no_database(settings):
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)
    response = client.get("/sq/boom/", HTTP_ACCEPT_LANGUAGE="sq")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" not in html
    assert 'lang="sq"' in html


def test_healthz_reports_database_cache_and_task_queue(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    report = response.json()
    assert report["ok"] is True
    assert set(report["checks"]) == {"database", "cache", "task_queue"}


def test_healthz_reports_a_stuck_task_queue(client, settings):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    task = DBTaskResult.objects.create(
        task_path="roundtable.core.tasks.send_email",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
    )
    # enqueued_at is set on creation; pretend no worker has picked the task up for an hour.
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - timedelta(hours=1))
    response = client.get("/healthz")
    assert response.status_code == 503, response.json()
    queue = response.json()["checks"]["task_queue"]
    assert queue["ok"] is False
    assert queue["waiting"] == 1


def test_navigation_shows_only_sections_that_exist(client):
    html = client.get("/en/members/").content.decode()
    nav = html.split('aria-label="Main"')[1].split("</nav>")[0]
    assert 'href="/en/members/" aria-current="page"' in nav
    assert 'href="/en/"' in nav
    assert 'href="/en/glossary/"' in nav
    assert 'href="/en/library/"' in nav
    assert 'href="/en/forum/"' in nav
    # No news index page exists yet in this test, so there is no "News" item.
    assert "News" not in nav
    # Nor a series index, so no "Series" item.
    assert "Series" not in nav
    assert nav.count("<li>") == 5


def test_public_pages_send_a_strict_content_security_policy(client):
    response = client.get("/en/members/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_pages_use_only_local_assets(client):
    html = client.get("/en/members/").content.decode()
    assert "https://" not in html.split("<body")[0]
    assert "/static/core/site.css" in html
    assert "/static/django-htmx/" in html or "/static/django_htmx/" in html
