"""Members are @handle, never something derived from their e-mail address."""

import importlib
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from roundtable.accounts.choices import Visibility
from roundtable.accounts.models import HandleHistory, Profile
from roundtable.accounts.services import handle_check, profile_ensure, profile_update
from roundtable.accounts.tests.factories import UserFactory, make_member
from roundtable.content.demo import create_locales
from roundtable.forum.services import post_create, thread_create
from roundtable.forum.tests.factories import make_category

SECRET_LOCAL = "zorica.kovac.secret77"


@pytest.fixture
def site(code_of_conduct, settings):
    create_locales()
    settings.FORUM_POSTS_BEFORE_TRUSTED = 0


def _joined(*, email: str, full_name: str = "", visibility: str = Visibility.PUBLIC):
    """A member who joined through the real path: allauth-style username from the address,
    a profile made by profile_ensure, then filled in."""
    user = UserFactory(username=email.partition("@")[0], email=email)
    profile = profile_ensure(user=user)
    if full_name:
        profile_update(
            profile=profile, full_name=full_name, profession="psychologist", visibility=visibility
        )
    return user


def _edit(client, user, **changes):
    profile = user.profile
    data = {
        "full_name": profile.full_name,
        "profession": profile.profession or "psychologist",
        "visibility": profile.visibility,
        **changes,
    }
    return client.post(reverse("accounts:profile_edit"), data)


def test_signup_gives_a_handle_and_a_username_that_do_not_reveal_the_address(client, site):
    client.post(
        "/en/accounts/signup/",
        {
            "email": f"{SECRET_LOCAL}@example.org",
            "password1": "kind-harbour-lantern-42",
            "password2": "kind-harbour-lantern-42",
        },
    )
    user = get_user_model().objects.get(email=f"{SECRET_LOCAL}@example.org")
    assert re.fullmatch(r"[a-z]+\d{4}", user.profile.handle)
    assert "secret" not in user.username and "zorica" not in user.username
    assert user.profile.handle_folded == user.profile.handle


def test_anonymous_readers_see_no_address_derived_string(client, site):
    zorica = _joined(email=f"{SECRET_LOCAL}@example.org", full_name="Zorica Kovač")
    other = _joined(email="goran.secretbox@example.org", full_name="Goran Petrov")
    category = make_category("general", name="General discussion")
    thread = thread_create(
        author=zorica,
        category=category,
        title="Working with schools",
        body="How do your teams work with schools?",
        language="en",
    )
    post_create(
        author=other,
        thread=thread,
        body=f"Good question, @{zorica.profile.handle}.",
    )
    pages = [
        client.get(reverse("forum:thread", args=[thread.pk])).content.decode(),
        client.get(reverse("accounts:profile_detail", args=[zorica.profile.pk])).content.decode(),
    ]
    assert f"@{zorica.profile.handle}" in pages[0] and f"@{other.profile.handle}" in pages[0]
    for page in pages:
        assert "secret" not in page.casefold()
        assert zorica.username not in page and other.username not in page


def test_handles_are_unique_in_their_folded_form(client, site):
    marko = make_member(full_name="Marko Marković", username="markom", handle="Marko")
    ana = make_member(full_name="Ana Anić", username="ana")
    for taken in ["marko", "MARKO", "Марко", "Márko"]:
        with pytest.raises(ValidationError):
            handle_check(taken, user=ana)
    client.force_login(ana)
    response = _edit(client, ana, handle="Марко")
    assert "The handle @Марко is already taken" in response.content.decode()
    ana.profile.refresh_from_db()
    assert ana.profile.handle == "ana"
    assert Profile.objects.get(user=marko).handle == "Marko"


@pytest.mark.parametrize(
    ("handle", "message"),
    [
        ("ab", "A handle has 3 to 30 characters."),
        ("x" * 31, "A handle has 3 to 30 characters."),
        ("bad name", "Use letters, digits"),
        ("<script>", "Use letters, digits"),
        ("trailing.", "Use letters, digits"),
        ("Roundtable", "is already taken"),
        ("ana.secretmail", "does not contain your e-mail address"),
    ],
)
def test_a_bad_handle_gets_a_clear_message_and_changes_nothing(client, site, handle, message):
    ana = make_member(
        full_name="Ana Anić", username="ana1", handle="ana", email="ana.secretmail@example.org"
    )
    client.force_login(ana)
    response = _edit(client, ana, handle=handle)
    assert response.status_code == 200
    assert message in response.content.decode()
    ana.profile.refresh_from_db()
    assert ana.profile.handle == "ana"


def test_a_member_changes_their_handle_and_old_mentions_still_link(client, site):
    luan = make_member(full_name="Luan Berisha", username="luan1", handle="luan")
    teuta = make_member(full_name="Teuta Krasniqi", username="teuta")
    category = make_category("general", name="General discussion")
    thread = thread_create(
        author=teuta,
        category=category,
        title="Minutes",
        body="What do you think, @luan?",
        language="en",
    )
    client.force_login(luan)
    response = _edit(client, luan, handle="Luan.Berisha")
    assert response.status_code == 302
    luan.profile.refresh_from_db()
    assert luan.profile.handle == "Luan.Berisha"
    assert HandleHistory.objects.get(user=luan).handle == "luan"

    profile_link = f'href="{reverse("accounts:profile_detail", args=[luan.profile.pk])}"'
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert re.search(profile_link + r"[^>]*>@luan</a>", page)
    # A new post written with the old handle still reaches Luan; nobody can take it.
    post_create(author=teuta, thread=thread, body="Thanks @luan and @Luan.Berisha!")
    html = thread.posts.order_by("-pk").first().html
    assert html.count(profile_link) == 2
    with pytest.raises(ValidationError):
        handle_check("LUAN", user=teuta)


def test_a_mention_of_a_hidden_member_is_plain_text(client, site):
    hidden = make_member(full_name="Hana Hidden", username="hana", visibility=Visibility.HIDDEN)
    members_only = make_member(full_name="Mira Member", username="mira")
    public = make_member(full_name="Pavle Public", username="pavle", visibility=Visibility.PUBLIC)
    author = make_member(full_name="Teuta Krasniqi", username="teuta")
    category = make_category("general", name="General discussion")
    thread = thread_create(
        author=author,
        category=category,
        title="Minutes",
        body="Thanks @hana, @mira and @pavle.",
        language="en",
    )
    url = reverse("forum:thread", args=[thread.pk])

    def link(user):
        return f'href="{reverse("accounts:profile_detail", args=[user.profile.pk])}"'

    anonymous = client.get(url).content.decode()
    assert "@hana" in anonymous and link(hidden) not in anonymous
    assert "@mira" in anonymous and link(members_only) not in anonymous
    assert link(public) in anonymous
    client.force_login(author)
    signed_in = client.get(url).content.decode()
    assert "@hana" in signed_in and link(hidden) not in signed_in
    assert link(members_only) in signed_in and link(public) in signed_in
    client.force_login(hidden)
    assert link(hidden) in client.get(url).content.decode()  # her own profile


def test_existing_members_get_handles_without_their_address(site):
    migration = importlib.import_module("roundtable.accounts.migrations.0004_give_members_handles")
    named = _joined(email="jovana.maric@example.org", full_name="Jovana Marić")
    same_name = _joined(email="jm@example.org", full_name="Jovana Marić")
    nameless = _joined(email="secretlocal@example.org")
    Profile.objects.update(handle="", handle_folded=None)
    migration.give_handles(apps, None)
    handles = {
        user.email: Profile.objects.get(user=user).handle for user in [named, same_name, nameless]
    }
    assert handles["jm@example.org"] == "Jovana.Marić"
    assert "jovanamaric" not in handles["jovana.maric@example.org"].casefold().replace(".", "")
    assert "secretlocal" not in handles["secretlocal@example.org"]
    assert len({h.casefold() for h in handles.values()}) == 3
