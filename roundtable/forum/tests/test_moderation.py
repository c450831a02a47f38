"""Moderation: first posts held for review, reports and their queue, hide/unhide, lock,
pin, move, split, suspend — each action logged."""

from django.urls import reverse
from wagtail.models import Locale

from roundtable.forum.models import ActionKind, ModerationAction, Post, Report, Thread
from roundtable.forum.tests.factories import make_category, make_thread
from roundtable.notifications.models import Notification


def test_first_posts_of_a_new_member_wait_for_review(
    client, public_category, author, reader, moderator, settings, django_capture_on_commit_callbacks
):
    settings.FORUM_POSTS_BEFORE_TRUSTED = 1
    thread = make_thread(public_category, authors=[author])
    client.force_login(reader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("forum:reply", args=[thread.pk]), {"body": "My first post here."})
    waiting = Post.objects.get(author=reader)
    assert not waiting.is_approved
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert "Waiting for review" in page  # the author sees their own waiting post
    client.force_login(author)
    assert (
        "My first post here."
        not in client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    )
    assert Notification.objects.filter(recipient=moderator).exists()

    client.force_login(moderator)
    client.post(reverse("forum:post_review", args=[waiting.pk]), {"decision": "approve"})
    thread.refresh_from_db()
    assert thread.posts_count == 2
    assert ModerationAction.objects.get().action == ActionKind.APPROVE
    # Once trusted, the member's next post goes live at once.
    client.force_login(reader)
    client.post(reverse("forum:reply", args=[thread.pk]), {"body": "My second post."})
    assert Post.objects.get(body="My second post.").is_approved


def test_report_reaches_the_queue_and_hides_the_post(
    client, public_category, author, reader, moderator
):
    thread = make_thread(public_category, authors=[author])
    post = thread.posts.get()
    client.force_login(reader)
    response = client.post(
        reverse("forum:report", args=[post.pk]), {"reason": "other", "comment": ""}
    )
    assert "Tell the moderators what is wrong." in response.content.decode()
    client.post(reverse("forum:report", args=[post.pk]), {"reason": "personal_data"})
    again = client.post(reverse("forum:report", args=[post.pk]), {"reason": "spam"})
    assert "already reported" in again.content.decode()
    assert Report.objects.count() == 1

    client.force_login(moderator)
    assert (
        "It could identify a child or family" in client.get(reverse("forum:queue")).content.decode()
    )
    client.post(
        reverse("forum:report_resolve", args=[Report.objects.get().pk]), {"decision": "hide"}
    )
    post.refresh_from_db()
    assert post.is_hidden and Report.objects.get().resolved_at
    client.force_login(reader)
    assert client.get(reverse("forum:post", args=[post.pk])).status_code == 404
    client.force_login(moderator)
    log = client.get(reverse("forum:log")).content.decode()
    assert "resolved a report on" in log and "hid" in log


def test_reports_are_rate_limited(client, public_category, author, reader, settings):
    settings.FORUM_REPORTS_PER_HOUR = 2
    thread = make_thread(public_category, authors=[author], posts=3)
    client.force_login(reader)
    for post in thread.posts.all()[:2]:
        client.post(reverse("forum:report", args=[post.pk]), {"reason": "spam"})
    response = client.post(
        reverse("forum:report", args=[thread.posts.last().pk]), {"reason": "spam"}
    )
    assert "many reports in the last hour" in response.content.decode()
    assert Report.objects.count() == 2


def test_lock_pin_hide_and_log(client, public_category, author, moderator):
    thread = make_thread(public_category, authors=[author])
    other = make_thread(public_category, authors=[author], title="A newer thread")
    client.force_login(moderator)
    for action in ["pin", "lock"]:
        client.post(reverse("forum:thread_action", args=[thread.pk]), {"action": action})
    thread.refresh_from_db()
    assert thread.is_pinned and thread.is_locked
    listing = client.get(reverse("forum:category", args=[public_category.slug])).content.decode()
    assert listing.index(thread.title) < listing.index(other.title)  # pinned first
    client.post(reverse("forum:thread_action", args=[other.pk]), {"action": "hide"})
    client.force_login(author)
    assert client.get(reverse("forum:thread", args=[other.pk])).status_code == 404
    assert list(ModerationAction.objects.values_list("action", flat=True).order_by("id")) == [
        "pin",
        "lock",
        "hide",
    ]


def test_move_and_split(client, public_category, author, reader, moderator):
    target = make_category("supervision", name="Supervision")
    thread = make_thread(public_category, authors=[author, reader], posts=4)
    client.force_login(moderator)
    client.post(reverse("forum:move", args=[thread.pk]), {"category": target.pk})
    thread.refresh_from_db()
    public_category.refresh_from_db()
    target.refresh_from_db()
    assert thread.category == target
    assert (public_category.threads_count, target.threads_count, target.posts_count) == (0, 1, 4)

    third, fourth = thread.posts.order_by("created_at")[2:]
    response = client.post(
        reverse("forum:split", args=[thread.pk]),
        {
            "title": "Side question on supervision",
            "category": target.pk,
            "posts": [third.pk, fourth.pk],
        },
    )
    new = Thread.objects.get(title="Side question on supervision")
    assert response["Location"] == reverse("forum:thread", args=[new.pk])
    thread.refresh_from_db()
    new.refresh_from_db()
    assert (thread.posts_count, new.posts_count) == (2, 2)
    found = client.get(reverse("forum:search"), {"q": "side question"}).content.decode()
    assert "Side question on supervision" in found
    everything = client.post(
        reverse("forum:split", args=[new.pk]),
        {"title": "Everything", "category": target.pk, "posts": [third.pk, fourth.pk]},
    )
    assert "Leave at least one post" in everything.content.decode()


def test_suspended_member_cannot_post(client, public_category, author, reader, moderator):
    thread = make_thread(public_category, authors=[author])
    client.force_login(moderator)
    response = client.post(reverse("forum:suspend", args=[reader.pk]), {"days": 0, "reason": ""})
    assert response.status_code == 200 and not ModerationAction.objects.exists()
    client.post(reverse("forum:suspend", args=[reader.pk]), {"days": 3, "reason": "Insults."})
    client.force_login(reader)
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert "Your forum account is suspended until" in page
    client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Let me speak."})
    assert thread.posts.count() == 1

    client.force_login(moderator)
    client.post(reverse("forum:suspend", args=[reader.pk]), {"action": "lift"})
    client.force_login(reader)
    client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Thank you."})
    assert thread.posts.count() == 2


def test_move_offers_categories_in_the_readers_language(client, public_category, author, moderator):
    from django.utils import translation

    copy = public_category.copy_for_translation(Locale.objects.get(language_code="hr"))
    copy.name = "Opća rasprava"
    copy.save()
    thread = make_thread(public_category, authors=[author])
    client.force_login(moderator)
    with translation.override("hr"):
        html = client.get(reverse("forum:move", args=[thread.pk])).content.decode()
    assert f'<option value="{public_category.pk}" selected>Opća rasprava</option>' in html
