"""Factories for members. Each test builds only what it needs."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from roundtable.accounts.choices import Profession, Visibility
from roundtable.accounts.models import (
    CodeOfConduct,
    ConductAcceptance,
    ExpertiseArea,
    Profile,
    SpokenLanguage,
)
from roundtable.accounts.services import profile_ensure, profile_update
from roundtable.core.text import fold

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    """A user who has verified their email address but not yet filled in a profile."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
            self.save()


def make_member(
    *,
    full_name: str = "Test Member",
    profession: str = Profession.SOCIAL_WORKER,
    visibility: str = Visibility.MEMBERS,
    country: str = "ME",
    municipality: str = "Nikšić",
    organisation: str = "Centre for Social Work",
    languages: list[str] | None = None,
    expertise: list[str] | None = None,
    accepted_version: int | None = 1,
    handle: str | None = None,
    **user_fields,
):
    """A complete member: verified email, filled-in profile, code of conduct accepted.

    Tests name members by their username and mention them by it (@goran), so the handle is
    the username when one is given (set directly: the factory's addresses are
    username@example.org, which the handle rules would refuse). Pass `handle` to choose
    another; without either, the member gets a generated handle, as at sign-up."""
    user = UserFactory(**user_fields)
    profile_update(
        profile=profile_ensure(user=user),
        full_name=full_name,
        profession=profession,
        visibility=visibility,
        country=country,
        municipality=municipality,
        organisation=organisation,
        languages=list(SpokenLanguage.objects.filter(code__in=languages or [])),
        expertise=list(ExpertiseArea.objects.filter(slug__in=expertise or [])),
    )
    handle = handle or user_fields.get("username")
    if handle:
        Profile.objects.filter(user=user).update(handle=handle, handle_folded=fold(handle))
        user.profile.refresh_from_db()
    if accepted_version is not None:
        ConductAcceptance.objects.create(user=user, version=accepted_version, language="en")
    return user


def make_code_of_conduct(*, version: int = 1, language: str = "en", **fields) -> CodeOfConduct:
    locale, _ = Locale.objects.get_or_create(language_code=language)
    defaults = {
        "title": f"Code of conduct v{version}",
        "summary": "Protect children's privacy.",
        "body": "<p>Never post a child's name.</p>",
    }
    return CodeOfConduct.objects.create(locale=locale, version=version, **{**defaults, **fields})


def give_totp(user):
    """Give `user` a confirmed authenticator app (allauth TOTP), as set-up at
    /accounts/2fa/totp/activate/ leaves it: members with powers then pass the MFA gate."""
    TOTP.activate(user, generate_totp_secret())
    return user
