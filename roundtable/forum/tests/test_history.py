"""Earlier versions of a post: only the author and the moderators read them, and in case
discussions only the moderators. Everyone else gets 404 and sees no "edited" link."""

import pytest
from django.urls import reverse

from roundtable.forum import services
from roundtable.forum.models import ActionKind, ModerationAction
from roundtable.forum.tests.factories import make_thread

EARLIER = "Post number 1 about the conference follow-up."


def _edited_post(category, author, editor=None):
    thread = make_thread(category, authors=[author])
    post = thread.posts.get()
    services.post_edit(editor=editor or author, post=post, body="Corrected text.")
    return thread, post


def _sees_history(client, user, thread, post) -> bool:
    if user is None:
        client.logout()
    else:
        client.force_login(user)
    history_url = reverse("forum:post_history", args=[post.pk])
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    response = client.get(history_url)
    link = history_url in page
    if response.status_code == 200:
        assert EARLIER in response.content.decode()
        assert link, "whoever may open the history sees the link"
        return True
    assert response.status_code == 404
    assert not link, "the link is shown only to those who may open it"
    return False


@pytest.mark.parametrize("category_name", ["public_category", "members_category"])
def test_history_is_for_the_author_and_moderators(
    client, request, category_name, author, reader, moderator
):
    category = request.getfixturevalue(category_name)
    thread, post = _edited_post(category, author)
    assert _sees_history(client, author, thread, post)
    assert _sees_history(client, moderator, thread, post)
    assert not _sees_history(client, reader, thread, post)
    client.logout()
    if category_name == "public_category":
        assert not _sees_history(client, None, thread, post)
    else:
        assert client.get(reverse("forum:post_history", args=[post.pk])).status_code == 404


def test_group_history_hidden_from_members_and_outsiders(
    client, group_category, author, reader, outsider, moderator
):
    thread, post = _edited_post(group_category, author)
    assert _sees_history(client, author, thread, post)
    assert _sees_history(client, moderator, thread, post)
    assert not _sees_history(client, reader, thread, post)
    client.force_login(outsider)
    assert client.get(reverse("forum:post_history", args=[post.pk])).status_code == 404


def test_case_discussion_history_is_for_moderators_only(
    client, case_category, author, reader, moderator
):
    thread, post = _edited_post(case_category, author)
    assert _sees_history(client, moderator, thread, post)
    assert not _sees_history(client, author, thread, post)
    assert not _sees_history(client, reader, thread, post)
    client.logout()
    assert client.get(reverse("forum:post_history", args=[post.pk])).status_code == 404


def test_moderator_edit_of_anothers_post_is_logged_without_the_text(
    client, public_category, author, moderator
):
    thread, post = _edited_post(public_category, author, editor=moderator)
    (entry,) = ModerationAction.objects.all()
    assert (entry.actor, entry.action, entry.post, entry.thread) == (
        moderator,
        ActionKind.EDIT,
        post,
        thread,
    )
    assert "Corrected" not in entry.note and "Post number" not in entry.note
    client.force_login(moderator)
    log = client.get(reverse("forum:log")).content.decode()
    assert "edited a member" in log


def test_own_edits_are_not_moderation(public_category, author, moderator):
    _edited_post(public_category, author)
    thread = make_thread(public_category, authors=[moderator], title="A moderator's own thread")
    services.post_edit(editor=moderator, post=thread.posts.get(), body="My own correction.")
    assert not ModerationAction.objects.exists()
