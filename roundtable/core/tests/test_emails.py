"""Templated e-mails: the subject prefix comes from the settings, links from SITE_URL, the
text is not HTML-escaped, and a mail without an HTML template goes out as plain text."""

from django.core import mail

from roundtable.core.emails import render_templated, send_templated


def test_the_subject_prefix_and_site_url_come_from_the_settings(settings):
    settings.EMAIL_SUBJECT_PREFIX = "[Staging] "
    settings.SITE_URL = "https://roundtable.example.org"
    rendered = render_templated(
        "notification",
        context={"message": "Ana & Goran\nreplied", "link": "", "inbox": "/x/"},
        language="en",
    )
    assert rendered.subject == "[Staging] Ana & Goran replied"  # one line, not escaped
    assert rendered.body.startswith("Ana & Goran")
    assert rendered.html_body == ""


def test_a_templated_mail_is_sent_to_the_recipient_with_its_headers(settings):
    send_templated(
        "notification",
        to=["ana@example.org"],
        context={"message": "Hello", "link": "https://x.example/a", "inbox": "https://x/b"},
        language="en",
        headers={"List-Unsubscribe": "<https://x/u>"},
    )
    (message,) = mail.outbox
    assert message.to == ["ana@example.org"]
    assert message.subject == "[Roundtable] Hello"
    assert (
        "https://x.example/a" in message.body and "Your notifications: https://x/b" in message.body
    )
    assert message.extra_headers["List-Unsubscribe"] == "<https://x/u>"
    assert message.alternatives == []
