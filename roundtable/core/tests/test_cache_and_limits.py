"""Rate limits count each client, in a cache every web process shares; the cache and the
task queue never share a Redis database."""

import json

import pytest
from django.core.cache import CacheHandler
from django.core.management import call_command

from roundtable.accounts.tests.factories import PASSWORD, make_member
from roundtable.core.redis_urls import queue_url_for
from roundtable.core.tests.test_settings import PRODUCTION_ENV, _manage

PROXY = "127.0.0.1"


def _production_settings(**env: str) -> dict:
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'CACHES': s.CACHES, 'RQ_QUEUES': getattr(s, 'RQ_QUEUES', None), "
        "'TRUSTED_PROXY_COUNT': s.ALLAUTH_TRUSTED_PROXY_COUNT, "
        "'TRUSTED_CLIENT_IP_HEADER': s.ALLAUTH_TRUSTED_CLIENT_IP_HEADER}))"
    )
    result = _manage("shell", "-c", code, env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_without_redis_keeps_the_counters_in_the_database():
    caches = _production_settings(REDIS_URL="")["CACHES"]
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


@pytest.mark.django_db(transaction=True)
def test_two_web_workers_see_the_same_counter_in_the_production_cache(settings):
    production = _production_settings(REDIS_URL="")["CACHES"]
    settings.CACHES = {**settings.CACHES, "shared": production["default"]}
    call_command("migrate", verbosity=0)  # creates the cache table, as in production

    first_worker = CacheHandler(production)["default"]
    second_worker = CacheHandler(production)["default"]
    assert first_worker is not second_worker
    first_worker.set("login-failures", 1)
    first_worker.incr("login-failures")
    second_worker.incr("login-failures")
    assert first_worker.get("login-failures") == 3


def _deploy_check_ids() -> set[str]:
    from django.core.checks import run_checks

    return {m.id for m in run_checks(tags=["caches"], include_deployment_checks=True)}


def test_the_deploy_check_warns_about_a_per_process_cache(settings):
    settings.DEBUG = False
    original = settings.CACHES
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert "roundtable.W001" in _deploy_check_ids()
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t"}
    }
    assert "roundtable.W001" not in _deploy_check_ids()
    settings.CACHES = original  # the test's own cache, for the fixture that clears it


def test_the_queue_gets_its_own_redis_database():
    assert queue_url_for("redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/1"
    assert queue_url_for("redis://127.0.0.1:6379") == "redis://127.0.0.1:6379/1"
    assert queue_url_for("rediss://:pw@cache:6380/15") == "rediss://:pw@cache:6380/14"
    configured = _production_settings(REDIS_URL="redis://127.0.0.1:6379/4")
    assert configured["CACHES"]["default"]["LOCATION"] == "redis://127.0.0.1:6379/4"
    assert configured["RQ_QUEUES"]["default"]["URL"] == "redis://127.0.0.1:6379/5"


def test_a_queue_in_the_cache_database_refuses_to_start():
    result = _manage(
        "check",
        env={
            **PRODUCTION_ENV,
            "REDIS_URL": "redis://127.0.0.1:6379/4",
            "REDIS_QUEUE_URL": "redis://127.0.0.1:6379/4",
        },
    )
    assert result.returncode != 0
    assert "same Redis database" in result.stderr


@pytest.mark.redis
def test_clearing_the_cache_keeps_the_queued_tasks(settings):
    import django_rq
    from django.core.cache import cache

    from roundtable.core.tasks import send_email

    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    result = send_email.enqueue(subject="Kept", body="Still queued", to=["a@example.org"])

    cache.clear()

    # FLUSHDB of the cache's database would have dropped the job with everything else.
    assert send_email.get_result(result.id).id == result.id
    django_rq.get_queue("default").remove(result.id)


def test_the_proxy_count_and_client_header_come_from_the_environment():
    configured = _production_settings(TRUSTED_PROXY_COUNT="1", TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
    assert configured["TRUSTED_PROXY_COUNT"] == 1
    assert configured["TRUSTED_CLIENT_IP_HEADER"] == "X-Real-IP"


@pytest.mark.django_db
def test_behind_the_proxy_one_client_cannot_lock_out_another(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    victim = make_member(full_name="Vera Victim", username="vera")

    for n in range(11):
        attacker = client.post(
            "/en/accounts/login/",
            {"login": f"nobody{n}@example.org", "password": "wrong-password"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )
    assert "Too many failed login attempts" in attacker.content.decode()

    response = client.post(
        "/en/accounts/login/",
        {"login": victim.email, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.20",
    )
    assert response.status_code == 302
