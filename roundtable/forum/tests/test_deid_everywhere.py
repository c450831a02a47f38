"""The de-identification check runs on every post in every category and on everything
else members write in the forum: thread titles, attachment file names, report reasons.
Case discussions block until each flag is removed or confirmed; elsewhere one
confirmation lets the member publish."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from roundtable.core import deid
from roundtable.forum.models import Attachment, Post, Report, Thread
from roundtable.forum.tests.factories import make_thread
from roundtable.library.tests.factories import pdf_bytes

PHONE = "+381 64 123 4567"


def _confirm_all(page: str) -> str:
    """The value of the one confirmation checkbox shown outside case discussions."""
    marker = 'type="checkbox" name="confirm_all" value="'
    assert marker in page
    return page.split(marker, 1)[1].split('"', 1)[0]


def _kept(page: str, name: str) -> list[str]:
    """Confirmations the page carries forward in hidden inputs."""
    marker = f'type="hidden" name="{name}" value="'
    return [part.split('"', 1)[0] for part in page.split(marker)[1:]]


@pytest.mark.parametrize("category_fixture", ["public_category", "members_category"])
def test_a_post_with_a_phone_number_outside_case_discussions_asks_for_confirmation(
    client, request, author, category_fixture
):
    category = request.getfixturevalue(category_fixture)
    thread = make_thread(category, authors=[author])
    client.force_login(author)
    url = reverse("forum:reply", args=[thread.pk])
    body = f"The family's social worker can be reached on {PHONE}."
    response = client.post(url, {"body": body})
    page = response.content.decode()
    assert response.status_code == 200
    assert f'<mark title="Phone number">{PHONE}</mark>' in page
    assert "Check 1 detail before posting" in page
    assert thread.posts.count() == 1

    response = client.post(url, {"body": body, "confirm_all": _confirm_all(page)})
    assert response.status_code == 302
    post = thread.posts.latest("created_at")
    assert post.body == body
    assert post.deid_confirmed == ["phone"]


def test_a_group_category_post_is_checked_too(client, group_category, author):
    client.force_login(author)
    url = reverse("forum:thread_create", args=[group_category.slug])
    data = {"title": "After the conference", "language": "en", "body": f"Call me on {PHONE}."}
    response = client.post(url, data)
    assert "<mark" in response.content.decode()
    assert not Thread.objects.exists()


def test_a_case_post_still_blocks_until_each_flag_is_confirmed(client, case_category, author):
    thread = make_thread(case_category, authors=[author])
    client.force_login(author)
    url = reverse("forum:reply", args=[thread.pk])
    body = f"The girl, Marija, lives with her aunt; the aunt's phone is {PHONE}."
    page = client.post(url, {"body": body}).content.decode()
    assert "Check 2 details before posting" in page
    assert 'name="confirm_all"' not in page  # one tick cannot wave every flag through
    keys = [flag.key for flag in deid.scan(body)]

    # The one confirmation that works elsewhere does not pass a case discussion.
    response = client.post(url, {"body": body, "confirm_all": " ".join(keys)})
    assert response.status_code == 200
    assert thread.posts.count() == 1

    response = client.post(url, {"body": body, "confirm": keys[:1]})
    assert "Check 1 detail before posting" in response.content.decode()
    assert thread.posts.count() == 1

    assert client.post(url, {"body": body, "confirm": keys}).status_code == 302
    assert thread.posts.count() == 2


def test_a_flagged_thread_title_is_highlighted_and_nothing_saved(client, public_category, author):
    client.force_login(author)
    url = reverse("forum:thread_create", args=[public_category.slug])
    data = {"title": "Help for Marija, aged 9", "language": "en", "body": "What would you do?"}
    response = client.post(url, data)
    page = response.content.decode()
    assert '<mark title="Person&#x27;s name">Marija</mark>' in page
    assert not Thread.objects.exists()

    client.post(url, {**data, "confirm_all": _confirm_all(page)})
    thread = Thread.objects.get()
    assert thread.title == "Help for Marija, aged 9"
    assert thread.posts.get().deid_confirmed == ["name"]


def test_a_flagged_attachment_file_name_is_highlighted_and_nothing_saved(
    client, public_category, author
):
    thread = make_thread(public_category, authors=[author])
    client.force_login(author)
    url = reverse("forum:reply", args=[thread.pk])

    def attached():
        return SimpleUploadedFile("Marija Petrović.pdf", pdf_bytes(), "application/pdf")

    response = client.post(url, {"body": "The plan we agreed.", "attachments": [attached()]})
    page = response.content.decode()
    assert '<mark title="Person&#x27;s name">Marija Petrović</mark>.pdf' in page
    assert not Attachment.objects.exists()
    assert thread.posts.count() == 1

    client.post(
        url,
        {
            "body": "The plan we agreed.",
            "attachments": [attached()],
            "confirm_all": _confirm_all(page),
        },
    )
    assert Attachment.objects.get().filename == "Marija Petrović.pdf"


def test_a_flagged_report_reason_is_highlighted_and_nothing_saved(
    client, public_category, author, reader
):
    post = make_thread(public_category, authors=[author]).posts.get()
    client.force_login(reader)
    url = reverse("forum:report", args=[post.pk])
    data = {"reason": "other", "comment": f"This is the family of the girl; they call {PHONE}."}
    response = client.post(url, data)
    page = response.content.decode()
    assert f'<mark title="Phone number">{PHONE}</mark>' in page
    assert not Report.objects.exists()

    response = client.post(url, {**data, "confirm_all": _confirm_all(page)})
    assert response.status_code == 302
    assert Report.objects.get().comment == data["comment"]


def test_the_check_speaks_the_members_language(client, public_category, author):
    thread = make_thread(public_category, authors=[author])
    client.force_login(author)
    body = f"Nazovite me na {PHONE}."
    english = client.post(f"/en/forum/t/{thread.pk}/reply/", {"body": body})
    croatian = client.post(f"/hr/forum/t/{thread.pk}/reply/", {"body": body})
    assert "Check 1 detail before posting" in english.content.decode()
    page = croatian.content.decode()
    assert "Prije objave provjerite 1 podatak" in page
    assert "Check 1 detail before posting" not in page
    assert f"{PHONE}</mark>" in page
    assert Post.objects.count() == 1


def test_a_confirmation_covers_only_the_details_the_member_was_shown(
    client, public_category, author
):
    thread = make_thread(public_category, authors=[author])
    client.force_login(author)
    url = reverse("forum:reply", args=[thread.pk])
    first = f"Reach the social worker on {PHONE}."
    confirm = _confirm_all(client.post(url, {"body": first}).content.decode())

    # The member adds an e-mail address before sending: that one is asked about again.
    second = f"{first} Or write to mama.k@example.org."
    response = client.post(url, {"body": second, "confirm_all": confirm})
    page = response.content.decode()
    assert "mama.k@example.org</mark>" in page
    assert f"{PHONE}</mark>" not in page
    assert thread.posts.count() == 1

    # Ticking the new one sends the earlier confirmation along: the reply is posted.
    confirmations = [*_kept(page, "confirm_all"), _confirm_all(page)]
    assert client.post(url, {"body": second, "confirm_all": confirmations}).status_code == 302
    assert thread.posts.latest("created_at").deid_confirmed == ["email", "phone"]


def test_a_case_confirmation_is_kept_when_another_detail_is_flagged(client, case_category, author):
    thread = make_thread(case_category, authors=[author])
    client.force_login(author)
    url = reverse("forum:reply", args=[thread.pk])
    first = f"Reach the social worker on {PHONE}."
    phone_key = deid.scan(first)[0].key
    second = f"{first} Or write to mama.k@example.org."
    page = client.post(url, {"body": second, "confirm": [phone_key]}).content.decode()
    assert _kept(page, "confirm") == [phone_key]
    email_key = deid.scan("mama.k@example.org")[0].key
    response = client.post(url, {"body": second, "confirm": [*_kept(page, "confirm"), email_key]})
    assert response.status_code == 302


def test_a_mention_of_a_member_is_not_a_child_but_a_made_up_one_is_flagged(
    client, public_category, author
):
    from roundtable.accounts.tests.factories import make_member

    make_member(full_name="Luan Berisha", username="luan.berisha", handle="Luan.Berisha")
    thread = make_thread(public_category, authors=[author])
    client.force_login(author)
    url = reverse("forum:reply", args=[thread.pk])
    response = client.post(url, {"body": "Thank you, @Luan.Berisha, for the minutes."})
    assert response.status_code == 302
    assert thread.posts.count() == 2

    # "@" before a name that is no member's handle hides nothing.
    response = client.post(url, {"body": "We met @Ana.Petrović and her mother today."})
    assert response.status_code == 200
    assert "<mark" in response.content.decode()
    assert thread.posts.count() == 2
