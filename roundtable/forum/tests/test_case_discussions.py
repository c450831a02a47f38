"""Case discussions: the de-identification check catches each kind of identifying detail,
the author fixes or confirms each flag, and new threads wait for a moderator."""

import datetime

import pytest
from django.urls import reverse

from roundtable.core import deid
from roundtable.forum.models import Post, Thread

TODAY = datetime.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("text", "kind", "detail"),
    [
        ("The girl, Marija, is 9.", "name", "Marija"),
        ("Her brother Arben Hoxha visits on Sundays.", "name", "Arben Hoxha"),
        ("The boy (Ђорђе) lives with his aunt.", "name", "Ђорђе"),
        ("She was born on 14.03.2016 in the capital.", "birth_date", "14.03.2016"),
        ("Rođena 2014. godine, živi s bakom.", "birth_date", "2014"),
        ("Date of birth: 2015-06-02.", "birth_date", "2015-06-02"),
        ("Call the mother on +381 64 123 4567 after six.", "phone", "+381 64 123 4567"),
        ("Her number is 069 123 456.", "phone", "069 123 456"),
        ("The father writes from tata.doe@example.com often.", "email", "tata.doe@example.com"),
        ("JMBG 0101015710021 is on the file.", "personal_id", "0101015710021"),
        ("Her EGN is 1543210987.", "personal_id", "1543210987"),
        ("ID card J45678901K was shown.", "personal_id", "J45678901K"),
        ("They live at ulica Ive Andrića 12, second floor.", "address", "ulica Ive Andrića 12"),
        ("Family home: Rruga e Durrësit nr. 45.", "address", "Rruga e Durrësit nr. 45"),
        ("He attends OŠ Braća Ribar in the town.", "school", "OŠ Braća Ribar in the town"),
        (
            'She goes to Shkolla 9-vjeçare "Naim Frashëri".',
            "school",
            'Shkolla 9-vjeçare "Naim Frashëri"',
        ),
        ("He attends Riverside Primary School.", "school", "Riverside Primary School"),
    ],
)
def test_each_kind_of_identifying_detail_is_flagged(text, kind, detail):
    flags = deid.scan(text, today=TODAY)
    assert [(flag.kind, flag.text) for flag in flags if flag.kind == kind] == [(kind, detail)]


def test_de_identified_text_passes():
    text = (
        "A 9-year-old girl (M.) lives with her grandmother since the mother left for work "
        "abroad. The school reports absences since September. The centre for social work "
        "opened a case on 3 November; the next meeting is on 02.12.2026. "
        "What has worked for you with similar families?"
    )
    assert deid.scan(text, today=TODAY) == []


@pytest.fixture
def flagged_post():
    return {
        "title": "Advice on a girl living with her grandmother",
        "language": "en",
        "body": "The girl, Marija, is 9. Her phone is 069 123 456. What would you do?",
    }


def test_author_must_fix_or_confirm_each_flag(client, case_category, author, flagged_post):
    client.force_login(author)
    url = reverse("forum:thread_create", args=[case_category.slug])
    response = client.post(url, flagged_post)
    page = response.content.decode()
    assert "Check 2 details before posting" in page
    assert "<mark" in page and "Marija" in page and "069 123 456" in page
    assert not Thread.objects.exists()

    # Fixing one and confirming nothing still leaves the other flag open.
    fixed = {**flagged_post, "body": "The girl, M., is 9. Her phone is 069 123 456."}
    response = client.post(url, fixed)
    assert "Check 1 detail before posting" in response.content.decode()
    assert not Thread.objects.exists()

    # Confirming the remaining flag posts the thread, held for a moderator.
    phone_key = deid.scan(fixed["body"])[0].key
    response = client.post(url, {**fixed, "confirm": [phone_key]})
    thread = Thread.objects.get()
    assert not thread.is_approved
    assert Post.objects.get().deid_confirmed == ["phone"]
    assert (
        "A moderator will review your thread" in client.get(response["Location"]).content.decode()
    )


def test_new_case_threads_wait_for_review(client, case_category, author, reader, moderator):
    client.force_login(author)
    client.post(
        reverse("forum:thread_create", args=[case_category.slug]),
        {
            "title": "Advice on school refusal",
            "language": "en",
            "body": "A boy of 12 refuses school.",
        },
    )
    thread = Thread.objects.get()
    client.force_login(reader)
    assert client.get(reverse("forum:thread", args=[thread.pk])).status_code == 404
    assert (
        thread.title
        not in client.get(reverse("forum:category", args=[case_category.slug])).content.decode()
    )

    client.force_login(moderator)
    queue = client.get(reverse("forum:queue")).content.decode()
    assert thread.title in queue
    client.post(reverse("forum:post_review", args=[thread.posts.get().pk]), {"decision": "approve"})

    client.force_login(reader)
    assert client.get(reverse("forum:thread", args=[thread.pk])).status_code == 200


def test_case_replies_are_checked_too(client, case_category, author, reader):
    from roundtable.forum.tests.factories import make_thread

    thread = make_thread(case_category, authors=[author])
    client.force_login(reader)
    response = client.post(
        reverse("forum:reply", args=[thread.pk]), {"body": "Write to mama.k@example.org"}
    )
    assert "E-mail address" in response.content.decode()
    assert thread.posts.count() == 1


def test_case_discussions_are_hidden_from_visitors(client, case_category, author):
    from roundtable.forum.tests.factories import make_thread

    thread = make_thread(case_category, authors=[author])
    assert client.get(reverse("forum:thread", args=[thread.pk])).status_code == 404
    assert case_category.name not in client.get(reverse("forum:index")).content.decode()
