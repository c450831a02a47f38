"""A suggestion sent twice (a double click, a resent request) is one draft entry; the
second sending lands where the first did, without an error."""

import re

from roundtable.library.models import LibraryEntry, LibraryFile
from roundtable.library.tests.factories import pdf_bytes, upload
from roundtable.notifications.models import Notification


def _key(client) -> str:
    page = client.get("/en/library/suggest/").content.decode()
    found = re.search(r'name="submit_key" value="([0-9a-f-]+)"', page)
    assert found, "the form carries a one-time key"
    return found.group(1)


def _data(key: str) -> dict:
    return {
        "title": "Street outreach protocol",
        "summary": "How agencies cooperate.",
        "kind": "protocol",
        "language": "en",
        "file": upload("protocol.pdf", pdf_bytes()),
        "submit_key": key,
    }


def test_a_suggestion_sent_twice_is_one_draft(client, member, django_capture_on_commit_callbacks):
    from roundtable.accounts.tests.factories import make_member

    editor = make_member(full_name="Edita Editor", username="edita", is_superuser=True)
    client.force_login(member)
    key = _key(client)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/en/library/suggest/", _data(key))
        second = client.post("/en/library/suggest/", _data(key))
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert LibraryEntry.objects.count() == 1
    assert LibraryFile.objects.count() == 1
    assert Notification.objects.filter(recipient=editor).count() == 1
    # A new form is a new suggestion.
    client.post("/en/library/suggest/", _data(_key(client)))
    assert LibraryEntry.objects.count() == 2


def test_another_members_key_is_refused(client, member, other_member):
    client.force_login(member)
    key = _key(client)
    client.post("/en/library/suggest/", _data(key))
    client.force_login(other_member)
    response = client.post("/en/library/suggest/", _data(key))
    assert response.status_code == 200
    assert "already sent" in response.content.decode()
    assert LibraryEntry.objects.get().submitted_by == member
