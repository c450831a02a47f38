"""A moderator redacts a post: its text and every earlier version go for good, from every
place a copy could have reached (search index, notifications, digest, queued tasks,
cache), and the log says who did it and when, never the text."""

from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from roundtable.core import deid
from roundtable.forum import notify, services
from roundtable.forum.models import ActionKind, DigestItem, EmailMode, ModerationAction, Post, Watch
from roundtable.forum.search_provider import search_posts
from roundtable.forum.tests.factories import make_thread
from roundtable.forum.tests.leaks import find_everywhere
from roundtable.forum.tests.tasks_helpers import DATABASE_QUEUE, run_queued_tasks

# A fictional child and a phone number. Each word is also searched for without its first
# letters: FTS5 stores a word after the prefix it shares with the word before it.
NAME, SURNAME, PHONE = "Zyxwuvna", "Qoplaskiy", "0691374258"
PLANTED = f"{NAME} {SURNAME}, phone {PHONE}"
NEEDLES = [NAME, SURNAME, PHONE, NAME[2:], SURNAME[2:], PHONE[2:]]


def _confirmed(text: str) -> set[str]:
    """What the one confirmation checkbox outside case discussions sends for `text`: the
    check flags the planted phone number, and the author confirms it."""
    return {f"all:{flag.key}" for flag in deid.scan(text)}


def _plant(client, thread, author, django_capture_on_commit_callbacks) -> Post:
    client.force_login(author)
    body = f"@goran the girl is {PLANTED}. Can we meet?"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("forum:reply", args=[thread.pk]),
            {"body": body, "confirm_all": " ".join(flag.key for flag in deid.scan(body))},
        )
    post = Post.objects.get(author=author, thread=thread, body__contains=NAME)
    edited = f"@goran the girl is {PLANTED}. Meeting on Monday."
    with django_capture_on_commit_callbacks(execute=True):
        services.post_edit(editor=author, post=post, body=edited, confirmed=_confirmed(edited))
    return post


def test_redaction_leaves_the_text_nowhere(
    client,
    settings,
    public_category,
    author,
    reader,
    third_member,
    moderator,
    django_capture_on_commit_callbacks,
):
    settings.TASKS = DATABASE_QUEUE  # queued tasks are rows whose arguments we can read
    thread = make_thread(public_category, authors=[author])
    Watch.objects.create(user=reader, thread=thread, email=EmailMode.IMMEDIATE)
    Watch.objects.create(user=third_member, thread=thread, email=EmailMode.DIGEST)
    post = _plant(client, thread, author, django_capture_on_commit_callbacks)
    run_queued_tasks()  # notifications, the mention e-mail, the digest line

    # The text went everywhere it goes.
    assert any(PHONE in message.body for message in mail.outbox)
    assert DigestItem.objects.filter(user=third_member, post=post).exists()
    assert [p.pk for p in search_posts(user=reader, query=NAME).posts] == [post.pk]
    # Something of the post in the cache, as a page cache would hold it.
    cache.set("forum:test:fragment", {"post": post.pk, "html": post.html}, 60)
    # An e-mail about the post still waiting in the queue.
    notify.post_email_task.enqueue(
        post_id=post.pk, user_id=reader.pk, kind=notify.REPLY, what="mentions"
    )
    before = find_everywhere(NEEDLES)
    assert {"forum_post", "forum_postrevision"} <= before[NAME]
    if connection.vendor == "sqlite":  # the FTS5 index's blobs hold the words
        assert any("forum_post_fts_data" in before.get(needle, ()) for needle in NEEDLES)
    assert "cache:default" in before[NAME]
    cache.delete("forum:test:fragment")  # the page cache a redaction would clear

    client.force_login(moderator)
    confirm = client.get(reverse("forum:redact", args=[post.pk]))
    assert confirm.status_code == 200 and "cannot be undone" in confirm.content.decode()
    refused = client.post(reverse("forum:redact", args=[post.pk]), {})
    assert "Tick the box" in refused.content.decode()
    assert Post.objects.get(pk=post.pk).redacted_at is None
    response = client.post(reverse("forum:redact", args=[post.pk]), {"confirm": "on"})
    assert response.status_code == 302

    assert find_everywhere(NEEDLES) == {}
    assert search_posts(user=reader, query=NAME).total == 0
    # The log: who and when, not the text.
    entry = ModerationAction.objects.get(action=ActionKind.REDACT)
    assert (entry.actor, entry.post, entry.thread) == (moderator, post, thread)
    assert entry.created_at and entry.note == ""
    # Readers see the mark; the history holds nothing; what was queued goes out redacted.
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert "Redacted by a moderator." in page
    history = client.get(reverse("forum:post_history", args=[post.pk])).content.decode()
    assert "Redacted by a moderator." in history and "Can we meet" not in history
    mail.outbox.clear()
    run_queued_tasks()
    notify.digest_send_all()
    run_queued_tasks()
    assert {m.to[0] for m in mail.outbox} == {reader.email, third_member.email}
    assert not any(NAME in m.body or PHONE in m.body for m in mail.outbox)
    assert all("Redacted by a moderator." in m.body for m in mail.outbox)


def test_only_moderators_redact(client, public_category, author, reader):
    thread = make_thread(public_category, authors=[author])
    post = thread.posts.get()
    for user in (author, reader):
        client.force_login(user)
        assert client.get(reverse("forum:redact", args=[post.pk])).status_code == 403
        response = client.post(reverse("forum:redact", args=[post.pk]), {"confirm": "on"})
        assert response.status_code == 403
    client.logout()
    assert (
        client.post(reverse("forum:redact", args=[post.pk]), {"confirm": "on"}).status_code == 302
    )
    post.refresh_from_db()
    assert post.redacted_at is None and post.body.startswith("Post number 1")
    assert not ModerationAction.objects.exists()


def test_redaction_form_needs_the_csrf_token(public_category, author, moderator):
    from django.test import Client

    thread = make_thread(public_category, authors=[author])
    post = thread.posts.get()
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    response = client.post(reverse("forum:redact", args=[post.pk]), {"confirm": "on"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.redacted_at is None


def test_the_author_cannot_write_a_redacted_post_again(client, public_category, author, moderator):
    thread = make_thread(public_category, authors=[author])
    post = thread.posts.get()
    client.force_login(moderator)
    client.post(reverse("forum:redact", args=[post.pk]), {"confirm": "on"})
    client.force_login(author)
    assert client.get(reverse("forum:post_edit", args=[post.pk])).status_code in (403, 404)
    client.post(reverse("forum:post_edit", args=[post.pk]), {"body": "Post number 1 again"})
    post.refresh_from_db()
    assert post.body == "" and post.redacted_at is not None
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert reverse("forum:post_edit", args=[post.pk]) not in page


def test_quotes_of_a_redacted_post_lose_its_words(
    client, public_category, author, reader, moderator, django_capture_on_commit_callbacks
):
    from roundtable.forum import markdown

    thread = make_thread(public_category, authors=[author])
    post = _plant(client, thread, author, django_capture_on_commit_callbacks)
    client.force_login(reader)
    quoted = markdown.quote(post.body, username="teuta")
    body = f"{quoted}I agree, let us meet on Monday."
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("forum:reply", args=[thread.pk]),
            {"body": body, "confirm_all": " ".join(flag.key for flag in deid.scan(body))},
        )
    reply = Post.objects.get(author=reader, thread=thread)
    assert NAME in reply.body and NAME in find_everywhere(NEEDLES)

    client.force_login(moderator)
    client.post(reverse("forum:redact", args=[post.pk]), {"confirm": "on"})

    assert find_everywhere(NEEDLES) == {}
    reply.refresh_from_db()
    assert "> […]" in reply.body and reply.body.endswith("I agree, let us meet on Monday.")
    assert search_posts(user=reader, query="monday").total >= 1
