"""What a first-time member met in the forum: the language of a reply, a waiting thread's
count, their own reply marked unread, a redundant tag, an empty search."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from roundtable.forum.models import Post, Thread
from roundtable.forum.tests.factories import make_thread


def _url(name: str, *args, language: str = "en") -> str:
    with translation.override(language):
        return reverse(name, args=args)


# --- The language a member writes in -------------------------------------------------------


def test_a_reply_from_the_albanian_interface_is_albanian(client, public_category, author, reader):
    thread = make_thread(public_category, authors=[reader])
    client.force_login(author)
    for page in (
        _url("forum:thread", thread.pk, language="sq"),
        _url("forum:reply", thread.pk, language="sq"),
    ):
        soup = BeautifulSoup(client.get(page).content, "html.parser")
        assert soup.select_one('select[name="language"] option[selected]')["value"] == "sq"

    response = client.post(
        _url("forum:reply", thread.pk, language="sq"),
        {"body": "Faleminderit për përmbledhjen e takimit.", "language": "sq"},
    )
    assert response.status_code == 302
    reply = Post.objects.get(author=author)
    assert reply.language == "sq"
    soup = BeautifulSoup(
        client.get(_url("forum:thread", thread.pk, language="en")).content, "html.parser"
    )
    bodies = {post["id"]: post.select_one(".post-body")["lang"] for post in soup.select("li.post")}
    assert bodies[f"post-{reply.pk}"] == "sq"
    # The thread's first post keeps the thread's language.
    assert sorted(bodies.values()) == ["en", "sq"]


def test_a_form_that_sends_no_language_gets_the_interface_language(
    client, public_category, author, reader
):
    thread = make_thread(public_category, authors=[reader])
    client.force_login(author)
    client.post(
        _url("forum:reply", thread.pk, language="mk"), {"body": "Ви благодарам за записникот."}
    )
    assert Post.objects.get(author=author).language == "mk"


def test_the_language_chosen_is_kept(client, public_category, author, reader):
    thread = make_thread(public_category, authors=[reader])
    client.force_login(author)
    client.post(
        _url("forum:reply", thread.pk, language="sq"),
        {"body": "Thank you for the minutes of the meeting.", "language": "en"},
    )
    reply = Post.objects.get(author=author)
    assert reply.language == "en"
    page = client.get(_url("forum:thread", thread.pk, language="sq")).content.decode()
    assert f'id="post-{reply.pk}"' in page
    soup = BeautifulSoup(page, "html.parser")
    assert soup.select_one(f"#post-{reply.pk} .post-body")["lang"] == "en"


def test_an_unknown_language_is_a_translated_error_and_saves_nothing(
    client, public_category, author, reader
):
    thread = make_thread(public_category, authors=[reader])
    client.force_login(author)
    response = client.post(
        _url("forum:reply", thread.pk, language="sq"),
        {"body": "Faleminderit për përmbledhjen.", "language": "xx"},
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    errors = [e.get_text() for e in soup.select("form .errorlist") if "xx" in e.get_text()]
    assert len(errors) == 1
    assert "Select a valid choice" not in errors[0]  # Django's own Albanian message
    assert not Post.objects.filter(author=author).exists()


# --- A waiting thread ----------------------------------------------------------------------


def test_a_waiting_thread_does_not_say_it_has_no_posts(client, case_category, author):
    client.force_login(author)
    client.post(
        _url("forum:thread_create", case_category.slug),
        {
            "title": "Advice on school refusal",
            "language": "en",
            "body": "A boy of 12 refuses school.",
        },
    )
    thread = Thread.objects.get()
    assert not thread.is_approved and thread.posts_count == 0

    soup = BeautifulSoup(
        client.get(_url("forum:category", case_category.slug)).content, "html.parser"
    )
    link = soup.find("a", href=_url("forum:thread", thread.pk))
    count = " ".join(link.find_parent("tr").select_one(".post-count").get_text().split())
    assert count == "waiting for a moderator"

    page = BeautifulSoup(client.get(_url("forum:thread", thread.pk)).content, "html.parser")
    meta = " ".join(page.select_one("h1 + p.meta").get_text().split())
    assert "0 posts" not in meta
    assert "Waiting for review" in meta


# --- Your own reply is not unread to you ---------------------------------------------------


@pytest.mark.parametrize("held", [True, False])
def test_your_own_new_reply_is_not_the_first_unread_post(
    client, settings, public_category, author, reader, held
):
    settings.FORUM_POSTS_BEFORE_TRUSTED = 5 if held else 0
    thread = make_thread(public_category, authors=[reader])
    client.force_login(author)
    client.get(_url("forum:thread", thread.pk))  # read what is there
    response = client.post(
        _url("forum:reply", thread.pk), {"body": "I agree with the plan."}, follow=True
    )
    reply = Post.objects.get(author=author)
    assert reply.is_approved is not held
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(f"#post-{reply.pk}") is not None
    assert not soup.select(".first-unread")
    assert "First unread post" not in response.content.decode()
    assert "Jump to the first unread post" not in response.content.decode()


def test_a_colleagues_reply_is_still_the_first_unread_post(client, public_category, author, reader):
    thread = make_thread(public_category, authors=[reader])
    client.force_login(author)
    client.get(_url("forum:thread", thread.pk))
    client.force_login(reader)
    client.post(_url("forum:reply", thread.pk), {"body": "Here are the minutes."})
    new = Post.objects.filter(author=reader).latest("created_at")
    client.force_login(author)
    soup = BeautifulSoup(client.get(_url("forum:thread", thread.pk)).content, "html.parser")
    assert [li["id"] for li in soup.select("li.first-unread")] == [f"post-{new.pk}"]


# --- The case-discussion tag ---------------------------------------------------------------


def test_the_case_discussion_tag_does_not_repeat_the_categorys_name(client, case_category, author):
    client.force_login(author)
    for url in (_url("forum:index"), _url("forum:category", case_category.slug)):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        tags = [tag.get_text(strip=True) for tag in soup.select("main .tag-label")]
        assert "Case discussions" not in tags
        assert "Members only" in tags


# --- An empty search -----------------------------------------------------------------------


def test_a_forum_search_without_results_says_nothing_matched(client, public_category, author):
    make_thread(public_category, authors=[author])
    response = client.get(_url("forum:search"), {"q": "zzzunfindable"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Nothing matches this search." in soup.select_one('main [role="status"]').get_text()
    # The site search's wording, so it is already translated.
    albanian = client.get(_url("forum:search", language="sq"), {"q": "zzzunfindable"})
    assert "Nothing matches this search." not in albanian.content.decode()
    assert BeautifulSoup(albanian.content, "html.parser").select_one('main [role="status"]')


def test_a_forum_search_with_results_says_how_many(client, public_category, author):
    make_thread(public_category, authors=[author])
    response = client.get(_url("forum:search"), {"q": "conference"})
    assert "Nothing matches" not in response.content.decode()
    assert "1 post found" in response.content.decode()
