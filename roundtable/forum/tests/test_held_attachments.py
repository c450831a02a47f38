"""Photos and PDFs attached in case discussions: the de-identification check cannot read
them, so they wait for a moderator before other members see them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from roundtable.forum.models import Attachment, AttachmentReview, ModerationAction
from roundtable.forum.tests.factories import make_thread
from roundtable.library.tests.factories import pdf_bytes


@pytest.fixture
def case_thread(case_category, author, reader):
    thread = make_thread(case_category, authors=[author])
    thread.is_approved = True
    thread.save(update_fields=["is_approved"])
    return thread


def _attach(client, thread, name="plan.pdf"):
    return client.post(
        reverse("forum:reply", args=[thread.pk]),
        {
            "body": "The support plan we agreed.",
            "attachments": [SimpleUploadedFile(name, pdf_bytes(), "application/pdf")],
        },
    )


def test_an_attachment_in_a_case_discussion_waits_for_a_moderator(
    client, case_thread, author, reader, moderator, outsider
):
    client.force_login(author)
    _attach(client, case_thread)
    attachment = Attachment.objects.get()
    assert attachment.review == AttachmentReview.HELD
    file_url = reverse("forum:attachment", args=[attachment.pk])
    thread_url = reverse("forum:thread", args=[case_thread.pk])

    # The author sees the file, marked as waiting.
    page = client.get(thread_url).content.decode()
    assert "plan.pdf" in page and "Waiting for a moderator" in page
    assert client.get(file_url).status_code == 200

    # Another member sees the post without the file, and its address answers 404.
    client.force_login(reader)
    page = client.get(thread_url).content.decode()
    assert "The support plan we agreed." in page
    assert "plan.pdf" not in page and file_url not in page
    assert client.get(file_url).status_code == 404

    # Any other member, and a visitor who is not signed in, get 404 for the file.
    client.force_login(outsider)
    assert client.get(file_url).status_code == 404
    client.logout()
    assert client.get(file_url).status_code == 404

    # A moderator finds it in the review queue and can open it.
    client.force_login(moderator)
    queue = client.get(reverse("forum:queue")).content.decode()
    assert "plan.pdf" in queue and file_url in queue
    assert client.get(file_url).status_code == 200
    response = client.post(
        reverse("forum:attachment_review", args=[attachment.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302
    attachment.refresh_from_db()
    assert attachment.review == AttachmentReview.APPROVED
    assert ModerationAction.objects.filter(actor=moderator, post=attachment.post).exists()
    assert "plan.pdf" not in client.get(reverse("forum:queue")).content.decode()

    client.force_login(reader)
    assert "plan.pdf" in client.get(thread_url).content.decode()
    assert client.get(file_url).status_code == 200


def test_a_rejected_attachment_stays_hidden_from_members(
    client, case_thread, author, reader, moderator
):
    client.force_login(author)
    _attach(client, case_thread)
    attachment = Attachment.objects.get()
    client.force_login(moderator)
    client.post(reverse("forum:attachment_review", args=[attachment.pk]), {"decision": "reject"})
    attachment.refresh_from_db()
    assert attachment.review == AttachmentReview.REJECTED
    file_url = reverse("forum:attachment", args=[attachment.pk])
    client.force_login(reader)
    assert client.get(file_url).status_code == 404
    assert (
        "plan.pdf"
        not in client.get(reverse("forum:thread", args=[case_thread.pk])).content.decode()
    )
    client.force_login(author)
    assert (
        "Rejected by a moderator"
        in client.get(reverse("forum:thread", args=[case_thread.pk])).content.decode()
    )


def test_members_cannot_approve_attachments(client, case_thread, author, reader):
    client.force_login(author)
    _attach(client, case_thread)
    attachment = Attachment.objects.get()
    client.force_login(reader)
    response = client.post(
        reverse("forum:attachment_review", args=[attachment.pk]), {"decision": "approve"}
    )
    assert response.status_code == 403
    attachment.refresh_from_db()
    assert attachment.review == AttachmentReview.HELD


def test_attachments_outside_case_discussions_are_shown_at_once(
    client, public_category, author, reader
):
    thread = make_thread(public_category, authors=[author])
    client.force_login(author)
    _attach(client, thread)
    attachment = Attachment.objects.get()
    assert attachment.review == AttachmentReview.APPROVED
    client.force_login(reader)
    assert client.get(reverse("forum:attachment", args=[attachment.pk])).status_code == 200


def test_files_moved_into_a_case_discussion_wait_for_a_moderator(
    client, public_category, case_category, author, reader, moderator
):
    thread = make_thread(public_category, authors=[author])
    client.force_login(author)
    _attach(client, thread)
    attachment = Attachment.objects.get()
    client.force_login(moderator)
    client.post(reverse("forum:move", args=[thread.pk]), {"category": case_category.pk})
    attachment.refresh_from_db()
    assert attachment.review == AttachmentReview.HELD
    client.force_login(reader)
    assert client.get(reverse("forum:attachment", args=[attachment.pk])).status_code == 404
