"""/healthz: ok or not ok for load balancers, details for staff and this machine, and it
knows whether a task worker is alive."""

from datetime import timedelta

import pytest
from django.utils import timezone

from roundtable.accounts.tests.factories import make_member
from roundtable.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db

OUTSIDE = "203.0.113.5"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _beat(*, seconds_ago: int, backend: str = "DatabaseBackend") -> None:
    seen = timezone.now() - timedelta(seconds=seconds_ago)
    WorkerHeartbeat.objects.create(
        name=f"db:test:{seconds_ago}",
        backend=backend,
        hostname="test",
        pid=1,
        started_at=seen,
        last_seen_at=seen,
    )


def test_the_public_answer_says_only_ok(client):
    response = client.get("/healthz", REMOTE_ADDR=OUTSIDE)
    assert response.status_code == 200
    assert response.json() == {"ok": True}


def test_a_request_through_a_local_proxy_gets_no_details(client):
    response = client.get("/healthz", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=OUTSIDE)
    assert response.json() == {"ok": True}


def test_staff_and_this_machine_see_the_details(client):
    local = client.get("/healthz", REMOTE_ADDR="127.0.0.1").json()
    assert set(local["checks"]) == {"database", "cache", "task_queue"}

    client.force_login(make_member(full_name="Sara Staff", username="sara", is_staff=True))
    remote = client.get("/healthz", REMOTE_ADDR=OUTSIDE).json()
    assert set(remote["checks"]) == {"database", "cache", "task_queue"}


def test_a_member_who_is_not_staff_gets_no_details(client):
    client.force_login(make_member(full_name="Mia Member", username="mia"))
    assert client.get("/healthz", REMOTE_ADDR=OUTSIDE).json() == {"ok": True}


def test_a_load_balancer_probe_over_plain_http_by_address_gets_an_answer(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["roundtable.example.org"]
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000", REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 200
    assert response.json() == {"ok": True}
    # Every other page still goes to HTTPS.
    assert client.get("/en/", HTTP_HOST="roundtable.example.org").status_code == 301


def test_without_a_live_worker_the_queue_is_not_ok(client, settings):
    settings.TASKS = DATABASE_QUEUE
    response = client.get("/healthz", REMOTE_ADDR=OUTSIDE)
    assert response.status_code == 503
    assert response.json() == {"ok": False}
    queue = client.get("/healthz").json()["checks"]["task_queue"]
    assert queue["workers"]["alive"] == 0


def test_a_worker_with_a_fresh_heartbeat_is_alive(client, settings):
    settings.TASKS = DATABASE_QUEUE
    _beat(seconds_ago=5)
    response = client.get("/healthz")
    assert response.status_code == 200, response.json()
    assert response.json()["checks"]["task_queue"]["workers"]["alive"] == 1


def test_a_worker_silent_for_a_minute_counts_as_dead(client, settings):
    settings.TASKS = DATABASE_QUEUE
    _beat(seconds_ago=60)
    assert client.get("/healthz").status_code == 503


def test_a_worker_of_the_other_backend_does_not_count(client, settings):
    settings.TASKS = DATABASE_QUEUE
    _beat(seconds_ago=1, backend="RQBackend")
    assert client.get("/healthz").status_code == 503
