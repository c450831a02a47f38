"""Mentions and watches: in-app notifications, immediate e-mails, the daily digest, and a
signed one-click unsubscribe link in every e-mail."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from roundtable.forum import notify
from roundtable.forum.models import DigestItem, DigestRun, EmailMode, Watch
from roundtable.forum.tests.factories import make_thread
from roundtable.notifications.models import Notification


def _reply(client, user, thread, body, capture):
    client.force_login(user)
    with capture(execute=True):
        response = client.post(reverse("forum:reply", args=[thread.pk]), {"body": body})
    assert response.status_code == 302
    return response


def test_mention_notifies_and_emails(
    client, public_category, author, reader, django_capture_on_commit_callbacks
):
    thread = make_thread(public_category, authors=[author])
    _reply(client, author, thread, "What do you think, @goran?", django_capture_on_commit_callbacks)
    notification = Notification.objects.get(recipient=reader)
    assert notification.kind == notify.MENTION
    assert notification.url == reverse("forum:post", args=[thread.posts.last().pk])
    client.force_login(reader)
    inbox = client.get(reverse("notifications:list")).content.decode()
    assert "Teuta Krasniqi mentioned you in “Follow-up of the regional conference”." in inbox
    (message,) = mail.outbox
    assert message.to == [reader.email]
    assert "What do you think, @goran?" in message.body
    assert "List-Unsubscribe" in message.extra_headers
    # The mention links to the member's profile.
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert f'href="{reverse("accounts:profile_detail", args=[reader.profile.pk])}"' in page


def test_watched_thread_sends_immediate_email_with_unsubscribe(
    client, public_category, author, reader, django_capture_on_commit_callbacks
):
    thread = make_thread(public_category, authors=[author])
    client.force_login(reader)
    client.post(reverse("forum:watch_thread", args=[thread.pk]), {"email": EmailMode.IMMEDIATE})
    _reply(client, author, thread, "New minutes are attached.", django_capture_on_commit_callbacks)

    assert Notification.objects.get(recipient=reader).kind == notify.REPLY
    (message,) = mail.outbox
    assert "replied in “Follow-up of the regional conference”" in message.subject
    link = re.search(r"http://\S+/forum/unsubscribe/\S+/", message.body).group(0)
    path = link.split("127.0.0.1:8000", 1)[-1]

    client.logout()
    assert "Unsubscribe" in client.get(path).content.decode()
    assert Watch.objects.get(user=reader).email == EmailMode.IMMEDIATE  # GET changes nothing
    response = client.post(path)
    assert "no more e-mails about this" in response.content.decode()
    assert Watch.objects.get(user=reader).email == EmailMode.NONE

    mail.outbox.clear()
    _reply(client, author, thread, "And the agenda.", django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=reader).count() == 2  # still in the app


def test_tampered_unsubscribe_link_is_refused(client, reader):
    token = notify.unsubscribe_token(user_id=reader.pk, what="all")
    response = client.post(reverse("forum:unsubscribe", args=[token[:-2] + "xx"]))
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_watched_category_hears_of_new_threads(
    client, public_category, author, reader, django_capture_on_commit_callbacks
):
    client.force_login(reader)
    client.post(
        reverse("forum:watch_category", args=[public_category.slug]), {"email": EmailMode.NONE}
    )
    client.force_login(author)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("forum:thread_create", args=[public_category.slug]),
            {"title": "Supervision groups", "language": "en", "body": "Who runs one?"},
        )
    assert Notification.objects.get(recipient=reader).kind == notify.NEW_THREAD
    assert mail.outbox == []  # in-app only


def test_daily_digest_groups_posts_and_can_be_stopped(
    client, public_category, author, reader, django_capture_on_commit_callbacks
):
    thread = make_thread(public_category, authors=[author])
    client.force_login(reader)
    client.post(reverse("forum:watch_thread", args=[thread.pk]), {"email": EmailMode.DIGEST})
    _reply(client, author, thread, "First update.", django_capture_on_commit_callbacks)
    _reply(client, author, thread, "Second update.", django_capture_on_commit_callbacks)
    assert mail.outbox == [] and DigestItem.objects.count() == 2

    assert notify.send_daily_digests.call(day="2026-11-28") == 1
    (message,) = mail.outbox
    assert message.subject == "[Roundtable] Forum digest: 2 new posts"
    assert "First update." in message.body and "Second update." in message.body
    # Each post's time as the reader's language writes it (here English: "Nov 28, 2026, 2:30 PM").
    first = thread.posts.get(body="First update.")
    assert date_format(timezone.localtime(first.created_at), "DATETIME_FORMAT") in message.body
    assert "List-Unsubscribe" in message.extra_headers
    assert not DigestItem.objects.exists()
    # The same day's digest never goes out twice.
    assert notify.send_daily_digests.call(day="2026-11-28") == 0
    assert DigestRun.objects.count() == 1


def test_case_discussion_emails_carry_no_text(
    client, case_category, author, reader, django_capture_on_commit_callbacks
):
    thread = make_thread(case_category, authors=[author])
    Watch.objects.create(user=reader, thread=thread, email=EmailMode.IMMEDIATE)
    _reply(
        client,
        author,
        thread,
        "The grandmother agreed to counselling.",
        django_capture_on_commit_callbacks,
    )
    (message,) = mail.outbox
    assert "grandmother" not in message.body
    assert "read it on Roundtable" in message.body


def test_email_is_written_in_the_members_language(
    client, public_category, author, reader, django_capture_on_commit_callbacks
):
    thread = make_thread(public_category, authors=[author])
    client.force_login(reader)
    client.post(f"/sq/forum/t/{thread.pk}/watch/", {"email": EmailMode.IMMEDIATE})
    _reply(client, author, thread, "Update.", django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert "/sq/forum/p/" in message.body


@pytest.mark.parametrize("mention", [True, False])
def test_outsiders_are_never_notified_about_group_threads(
    client, group_category, author, outsider, mention, django_capture_on_commit_callbacks
):
    thread = make_thread(group_category, authors=[author])
    # A watch made while the outsider could still read the category.
    Watch.objects.create(user=outsider, category=group_category, email=EmailMode.IMMEDIATE)
    body = "Please look at this, @oskar." if mention else "An update for the group."
    _reply(client, author, thread, body, django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(recipient=outsider).exists()
    assert all(outsider.email not in message.to for message in mail.outbox)


def test_member_manages_what_they_watch(
    client, public_category, group_category, author, reader, outsider
):
    thread = make_thread(public_category, authors=[author], title="Supervision in small towns")
    secret = make_thread(group_category, authors=[author], title="Group only follow-up")
    Watch.objects.create(user=reader, thread=thread, email=EmailMode.IMMEDIATE)
    Watch.objects.create(user=reader, category=public_category)
    # A watch left from when the member could read a group category is not listed.
    Watch.objects.create(user=outsider, thread=secret)
    client.force_login(reader)
    page = client.get(reverse("forum:watching")).content.decode()
    assert "Supervision in small towns" in page and "General discussion" in page

    watch = Watch.objects.get(user=reader, thread=thread)
    client.post(reverse("forum:watching"), {"watch": watch.pk, "email": EmailMode.DIGEST})
    assert Watch.objects.get(pk=watch.pk).email == EmailMode.DIGEST
    client.post(reverse("forum:watching"), {"watch": watch.pk, "email": "stop"})
    assert not Watch.objects.filter(pk=watch.pk).exists()
    client.post(reverse("forum:watching"), {"mention_form": "1"})
    assert reader.forum_settings.mention_emails is False

    client.force_login(outsider)
    page = client.get(reverse("forum:watching")).content.decode()
    assert "Group only follow-up" not in page
    # Someone else's watch cannot be changed.
    response = client.post(reverse("forum:watching"), {"watch": watch.pk, "email": "none"})
    assert response.status_code == 302
    assert not Watch.objects.filter(user=outsider, email=EmailMode.NONE, thread=thread).exists()
