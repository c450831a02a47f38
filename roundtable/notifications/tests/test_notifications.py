"""In-app notifications: a member sees their own, and nobody else's."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from roundtable.accounts.tests.factories import make_code_of_conduct, make_member
from roundtable.notifications import kinds
from roundtable.notifications.models import Notification
from roundtable.notifications.services import notification_send

pytestmark = pytest.mark.django_db
kinds.register("test_hello", "Hello from %(place)s")


@pytest.fixture
def members(db):
    make_code_of_conduct(version=1)
    return (
        make_member(full_name="Owner Person", username="owner"),
        make_member(full_name="Other Person", username="other"),
    )


def test_owner_sees_unread_count_and_list_and_can_mark_all_read(
    client, members, django_capture_on_commit_callbacks
):
    owner, _other = members
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            recipients=[owner], kind="test_hello", params={"place": "Tuzla"}, url="/en/"
        )
    client.force_login(owner)

    soup = BeautifulSoup(client.get("/en/notifications/").content, "html.parser")
    assert "Hello from Tuzla" in soup.select_one(".notification-list").text
    assert soup.select_one(".account-menu .badge") is not None
    assert mail.outbox[0].to == [owner.email]
    assert "Hello from Tuzla" in mail.outbox[0].subject

    response = client.post("/en/notifications/read/")
    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=owner, read_at__isnull=True).exists()


def test_other_members_never_see_someone_elses_notifications(client, members):
    owner, other = members
    notification_send(recipients=[owner], kind="test_hello", params={"place": "Tuzla"}, email=False)
    client.force_login(other)

    html = client.get("/en/notifications/").content.decode()
    assert "Hello from Tuzla" not in html
    client.post("/en/notifications/read/")
    assert Notification.objects.get(recipient=owner).read_at is None


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get("/en/notifications/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client.post("/en/notifications/read/").status_code == 302


def test_marking_read_needs_a_post(client, members):
    client.force_login(members[0])
    assert client.get("/en/notifications/read/").status_code == 405


def test_notification_list_queries_do_not_grow(client, members):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    owner, _other = members
    client.force_login(owner)

    def count() -> int:
        client.get("/en/notifications/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/notifications/").status_code == 200
        return len(queries)

    notification_send(recipients=[owner], kind="test_hello", params={"place": "Bar"}, email=False)
    few = count()
    for number in range(30):
        notification_send(
            recipients=[owner], kind="test_hello", params={"place": f"Town {number}"}, email=False
        )
    assert count() == few
