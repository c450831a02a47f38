"""With DEBUG off, public media (avatars) are served with caching headers; nothing outside
MEDIA_ROOT, and nothing private, is reachable through /media/."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from roundtable.accounts.services import profile_ensure
from roundtable.accounts.tests.factories import make_member

pytestmark = pytest.mark.django_db


def _webp() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(output, format="WEBP")
    return output.getvalue()


def test_an_avatar_is_served_with_debug_off(client, settings):
    settings.DEBUG = False
    profile = profile_ensure(user=make_member(full_name="Ana Avatar", username="ana"))
    profile.avatar.save("avatar.webp", ContentFile(_webp()), save=True)

    response = client.get(profile.avatar.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == _webp()
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "max-age=86400" in response["Cache-Control"]


def test_paths_outside_public_media_answer_404(client, settings, tmp_path):
    settings.DEBUG = False
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    (tmp_path / "secret.txt").write_text("outside")
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT / "private"
    settings.PRIVATE_MEDIA_ROOT.mkdir()
    (settings.PRIVATE_MEDIA_ROOT / "attachment.pdf").write_bytes(b"%PDF-1.4 private")

    for url in [
        "/media/../secret.txt",
        "/media/%2e%2e/secret.txt",
        "/media/private/attachment.pdf",
        "/media/missing.webp",
    ]:
        assert client.get(url).status_code == 404, url
