"""Browser journey: a social worker joins Roundtable and finds herself in the directory."""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import translation

from roundtable.accounts.tests.factories import make_code_of_conduct
from roundtable.content import demo as content_demo

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site(transactional_db):
    content_demo.create_locales()
    content_demo.create_home_pages()
    make_code_of_conduct(version=1, title="Roundtable code of conduct")


def test_sign_up_verify_accept_fill_profile_switch_language_and_find_yourself(page, site):
    # 1. Sign up.
    page.goto("/en/")
    page.get_by_role("link", name="Join", exact=True).click()
    page.get_by_label("Email:").fill("vesna.social@example.org")
    page.get_by_label("Password:", exact=True).fill("quiet-river-stone-17")
    page.get_by_label("Password (again):").fill("quiet-river-stone-17")
    page.get_by_role("button", name="Sign Up").click()
    page.get_by_role("heading", name="Verify Your Email Address").wait_for()

    # 2. Open the verification mail from the outbox.
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/confirm-email/\S+", mail.outbox[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    # 3. Accept the code of conduct.
    page.get_by_role("heading", name="Roundtable code of conduct").wait_for()
    page.get_by_label("I have read the code of conduct and I will follow it.").check()
    page.get_by_role("button", name="Accept and continue").click()

    # 4. Fill in the profile.
    page.get_by_role("heading", name="My profile").wait_for()
    page.get_by_label("Full name").fill("Vesna Radović")
    page.get_by_label("Profession").select_option("social_worker")
    page.get_by_label("Country").select_option("ME")
    page.get_by_label("Municipality").fill("Pljevlja")
    page.get_by_label("Montenegrin").check()
    page.get_by_label("Foster and kinship care").check()
    page.get_by_role("button", name="Save my profile").click()
    page.get_by_role("heading", name="Vesna Radović").wait_for()

    # 5. Switch to Albanian and see the translated interface.
    page.locator(".language-switcher summary").click()
    page.locator('.language-switcher a[hreflang="sq"]').click()
    page.wait_for_url("**/sq/members/*/")
    assert page.locator("html").get_attribute("lang") == "sq"
    with translation.override("sq"):
        members_label = translation.gettext("Members")
        directory_heading = translation.gettext("Member directory")
        main_navigation = translation.gettext("Main")
    assert members_label != "Members"

    # 6. Find the new member in the directory.
    page.get_by_role("navigation", name=main_navigation).get_by_role(
        "link", name=members_label
    ).click()
    page.get_by_role("heading", name=directory_heading, level=1).wait_for()
    with translation.override("sq"):
        query_label = translation.gettext("Name, organisation or municipality")
    page.get_by_label(query_label).fill("pljevlja")
    page.keyboard.press("Enter")
    results = page.locator("#directory-results")
    results.get_by_role("link", name="Vesna Radović").wait_for()
    assert results.locator(".member-card").count() == 1
    page.screenshot(path=str(ARTIFACTS / "journey-directory-sq.png"), full_page=True)
