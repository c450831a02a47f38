"""The same form sent twice creates one thread or one reply and redirects to it; a post
approved while its creation task waits in the queue notifies each member once; unsubscribe
links expire after a year."""

import datetime
import re
from unittest import mock

from django.core import mail
from django.urls import reverse

from roundtable.forum import moderation, notify
from roundtable.forum.models import EmailMode, Post, Thread, Watch
from roundtable.forum.tests.factories import make_thread
from roundtable.forum.tests.tasks_helpers import DATABASE_QUEUE, run_queued_tasks
from roundtable.notifications.models import Notification


def _submit_key(page: str) -> str:
    found = re.search(r'name="submit_key" value="([0-9a-f-]+)"', page)
    assert found, "the form carries a one-time key"
    return found.group(1)


def test_a_new_thread_sent_twice_is_created_once(client, public_category, author):
    client.force_login(author)
    url = reverse("forum:thread_create", args=[public_category.slug])
    data = {
        "title": "Supervision groups",
        "language": "en",
        "body": "Who runs one?",
        "submit_key": _submit_key(client.get(url).content.decode()),
    }
    first = client.post(url, data)
    second = client.post(url, data)
    thread = Thread.objects.get()
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"] == reverse("forum:thread", args=[thread.pk])
    assert Post.objects.count() == 1
    # A fresh form gets a fresh key: the same words may be posted again on purpose.
    data["submit_key"] = _submit_key(client.get(url).content.decode())
    client.post(url, data)
    assert Thread.objects.count() == 2


def test_a_reply_sent_twice_is_created_once(
    client, public_category, author, reader, django_capture_on_commit_callbacks
):
    thread = make_thread(public_category, authors=[author])
    Watch.objects.create(user=author, thread=thread, email=EmailMode.IMMEDIATE)
    client.force_login(reader)
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    data = {"body": "Thanks, I will join.", "submit_key": _submit_key(page)}
    url = reverse("forum:reply", args=[thread.pk])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, data)
        second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert thread.posts.count() == 2
    assert Notification.objects.filter(recipient=author).count() == 1
    assert len(mail.outbox) == 1


def test_someone_elses_key_creates_nothing(client, public_category, author, reader):
    thread = make_thread(public_category, authors=[author])
    client.force_login(author)
    page = client.get(reverse("forum:reply", args=[thread.pk])).content.decode()
    key = _submit_key(page)
    client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Mine.", "submit_key": key})
    client.force_login(reader)
    response = client.post(
        reverse("forum:reply", args=[thread.pk]), {"body": "Theirs.", "submit_key": key}
    )
    assert response.status_code == 200
    assert "already sent" in response.content.decode()
    assert not thread.posts.filter(body="Theirs.").exists()


def test_approving_while_the_creation_task_waits_notifies_once(
    client, settings, public_category, author, reader, moderator, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    settings.FORUM_POSTS_BEFORE_TRUSTED = 5
    thread = make_thread(public_category, authors=[reader])
    Watch.objects.create(user=reader, thread=thread, email=EmailMode.IMMEDIATE)
    client.force_login(author)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("forum:reply", args=[thread.pk]), {"body": "A first reply."})
    post = Post.objects.get(author=author)
    assert not post.is_approved
    # The moderator approves before the worker has picked up the creation task.
    with django_capture_on_commit_callbacks(execute=True):
        moderation.post_approve(moderator=moderator, post=post)
    run_queued_tasks()
    assert Notification.objects.filter(recipient=reader, kind=notify.REPLY).count() == 1
    assert len([m for m in mail.outbox if m.to == [reader.email]]) == 1
    # A second approval (another tab) changes nothing either.
    with django_capture_on_commit_callbacks(execute=True):
        moderation.post_approve(moderator=moderator, post=post)
    notify.post_created(post.pk)
    run_queued_tasks()
    assert Notification.objects.filter(recipient=reader, kind=notify.REPLY).count() == 1


def test_an_unsubscribe_link_older_than_a_year_is_refused(client, reader):
    watch = Watch.objects.create(
        user=reader, thread=make_thread_for(reader), email=EmailMode.IMMEDIATE
    )
    made = datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(days=366)
    with mock.patch("django.core.signing.time.time", return_value=made.timestamp()):
        old = notify.unsubscribe_token(user_id=reader.pk, what="watch", watch_id=watch.pk)
    forged = client.post(reverse("forum:unsubscribe", args=["x" + old[1:]]))
    response = client.post(reverse("forum:unsubscribe", args=[old]))
    assert response.status_code == forged.status_code == 400
    assert "not valid" in response.content.decode()
    watch.refresh_from_db()
    assert watch.email == EmailMode.IMMEDIATE
    # A link from 364 days ago still works.
    recent = datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(days=364)
    with mock.patch("django.core.signing.time.time", return_value=recent.timestamp()):
        token = notify.unsubscribe_token(user_id=reader.pk, what="watch", watch_id=watch.pk)
    assert client.post(reverse("forum:unsubscribe", args=[token])).status_code == 200
    watch.refresh_from_db()
    assert watch.email == EmailMode.NONE


def make_thread_for(user):
    from roundtable.forum.tests.factories import make_category

    return make_thread(make_category("unsubscribe-test"), authors=[user])
