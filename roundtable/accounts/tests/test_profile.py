import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from roundtable.accounts.choices import Visibility
from roundtable.accounts.models import Profile
from roundtable.accounts.tests.factories import make_member

pytestmark = pytest.mark.django_db


def _picture(fmt="PNG", size=(800, 600)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


def _profile_data(**overrides):
    data = {
        "full_name": "Jovana Marić",
        "profession": "psychologist",
        "organisation": "Centre for Social Work Nikšić",
        "country": "ME",
        "municipality": "Nikšić",
        "languages": ["cnr", "en"],
        "expertise": ["foster-care"],
        "bio": "Ten years in foster care.",
        "visibility": "members",
    }
    data.update(overrides)
    return data


def test_member_saves_profile_with_languages_and_expertise(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:profile_edit"), _profile_data())
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert profile.profession == "psychologist"
    assert sorted(profile.languages.values_list("code", flat=True)) == ["cnr", "en"]
    assert list(profile.expertise.values_list("slug", flat=True)) == ["foster-care"]
    assert profile.search_folded == "jovana maric centre for social work niksic niksic"


def test_avatar_is_resized_to_a_256_pixel_square_webp(client, member):
    client.force_login(member)
    upload = SimpleUploadedFile("me.png", _picture(size=(1200, 500)), content_type="image/png")
    client.post(reverse("accounts:profile_edit"), {**_profile_data(), "avatar": upload})
    profile = Profile.objects.get(user=member)
    with Image.open(profile.avatar.path) as image:
        assert image.format == "WEBP"
        assert image.size == (256, 256)


def test_a_text_file_named_png_is_refused_and_nothing_is_saved(client, member):
    client.force_login(member)
    upload = SimpleUploadedFile("me.png", b"not a picture at all", content_type="image/png")
    response = client.post(
        reverse("accounts:profile_edit"),
        {**_profile_data(full_name="Changed Name"), "avatar": upload},
    )
    assert response.status_code == 200
    assert "Nothing has been saved yet" in response.content.decode()
    profile = Profile.objects.get(user=member)
    assert profile.full_name == "Jovana Marić"
    assert not profile.avatar


def test_an_oversized_photo_is_refused_with_a_translated_message(client, member, settings):
    settings.AVATAR_MAX_UPLOAD_SIZE = 1024
    client.force_login(member)
    upload = SimpleUploadedFile("me.jpg", _picture("JPEG"), content_type="image/jpeg")
    response = client.post(
        reverse("accounts:profile_edit"),
        {**_profile_data(), "avatar": upload},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "The photo is too large" in response.content.decode()
    assert not Profile.objects.get(user=member).avatar


def test_missing_name_and_profession_are_reported(client, member):
    client.force_login(member)
    response = client.post(
        reverse("accounts:profile_edit"), _profile_data(full_name="", profession="")
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"full_name", "profession"}


def test_profile_edit_requires_login(client):
    response = client.get(reverse("accounts:profile_edit"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_bio_html_is_escaped_on_the_profile_page(client, member, other_member):
    profile = member.profile
    profile.bio = "<script>alert(1)</script>"
    profile.save()
    client.force_login(other_member)
    html = client.get(reverse("accounts:profile_detail", args=[profile.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("visibility", "owner", "other_member_sees", "anonymous_sees"),
    [
        (Visibility.PUBLIC, 200, 200, 200),
        (Visibility.MEMBERS, 200, 200, 302),  # asked to log in
        (Visibility.HIDDEN, 200, 404, 404),
    ],
)
def test_profile_visibility_for_owner_member_and_anonymous(
    client, code_of_conduct, visibility, owner, other_member_sees, anonymous_sees
):
    owner_user = make_member(full_name="Owner Person", visibility=visibility)
    other = make_member(full_name="Other Person")
    url = reverse("accounts:profile_detail", args=[owner_user.profile.pk])

    assert client.get(url).status_code == anonymous_sees
    client.force_login(other)
    assert client.get(url).status_code == other_member_sees
    client.force_login(owner_user)
    assert client.get(url).status_code == owner


def test_email_is_shown_only_to_members_when_the_owner_allows_it(client, member, other_member):
    profile = member.profile
    profile.visibility = Visibility.PUBLIC
    profile.show_email = True
    profile.save()
    url = reverse("accounts:profile_detail", args=[profile.pk])
    assert member.email not in client.get(url).content.decode()
    client.force_login(other_member)
    assert member.email in client.get(url).content.decode()
