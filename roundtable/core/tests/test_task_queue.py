"""Tasks run in a real worker (`manage.py run_worker`) on the configured queue: RQ with
REDIS_URL, the database queue without. Mail, text extraction and the search index all
depend on it."""

import time

import pytest
from django_tasks import TaskResultStatus

from roundtable.accounts.tests.factories import make_member
from roundtable.content.demo import create_locales
from roundtable.core.models import WorkerHeartbeat
from roundtable.library.models import ExtractionStatus, LibraryFile
from roundtable.library.tests.factories import make_entry, pdf_bytes, upload

pytestmark = pytest.mark.queue


def _all_successful(results) -> None:
    assert results, "no task was queued"
    failures = {r.task.name: [e.traceback for e in r.errors] for r in results}
    assert {r.status for r in results} == {TaskResultStatus.SUCCESSFUL}, failures


def test_password_reset_mail_is_sent_by_the_worker(task_worker, client):
    member = make_member(full_name="Rita Reset", username="rita", email="rita@example.org")

    response = client.post("/en/accounts/password/reset/", {"email": member.email})

    assert response.status_code == 302
    _all_successful(task_worker.wait())
    messages = [path.read_text() for path in task_worker.mail_dir.iterdir()]
    assert len(messages) == 1
    assert "To: rita@example.org" in messages[0]
    assert "/accounts/password/reset/key/" in messages[0]
    # The worker's log names the job, never its arguments (the address, the mail's text).
    assert "rita@example.org" not in task_worker.log()


def test_library_text_is_extracted_and_indexed_by_the_worker(task_worker, client):
    create_locales()
    entry = make_entry(title="Outreach protocol", summary="How agencies cooperate.")
    item = LibraryFile.objects.create(
        entry=entry,
        file=upload("protocol.pdf", pdf_bytes("Zebrafinch shelter handbook")),
        language="en",
    )

    _all_successful(task_worker.wait())

    item.refresh_from_db()
    assert item.extraction_status == ExtractionStatus.DONE
    assert "Zebrafinch shelter handbook" in item.extracted_text
    entry.refresh_from_db()
    assert "zebrafinch" in entry.search_folded
    response = client.get("/en/library/", {"q": "zebrafinch"})
    assert "Outreach protocol" in response.content.decode()


def test_an_edited_entry_is_found_by_its_new_title_after_the_worker_reindexed_it(
    task_worker, client
):
    create_locales()
    entry = make_entry(title="Outreach protocol", summary="How agencies cooperate.")
    task_worker.wait()
    task_worker.results.clear()

    entry.title = "Kingfisher outreach protocol"
    entry.save()

    _all_successful(task_worker.wait())
    assert "reindex_entry_task" in {r.task.name for r in task_worker.results}
    response = client.get("/en/library/", {"q": "kingfisher"})
    assert "Kingfisher outreach protocol" in response.content.decode()


def test_an_idle_worker_keeps_beating_and_healthz_counts_it(task_worker, client):
    def last_seen():
        row = WorkerHeartbeat.objects.first()
        return row.last_seen_at if row else None

    deadline = time.monotonic() + 10
    first = last_seen()
    while time.monotonic() < deadline and (first is None or last_seen() == first):
        first = first or last_seen()
        time.sleep(0.2)
    assert first is not None and last_seen() > first, task_worker.log()

    response = client.get("/healthz")
    assert response.status_code == 200, response.json()
    assert response.json()["checks"]["task_queue"]["workers"]["alive"] == 1
