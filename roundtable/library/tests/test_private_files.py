"""Library files are private: a draft's file (a member's suggestion) is served only to its
uploader and the editors, under a neutral stored name, never from public media."""

import importlib

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from roundtable.accounts.tests.factories import give_totp, make_member
from roundtable.core import deid, deid_forms
from roundtable.library.models import LibraryFile
from roundtable.library.services import suggestion_create
from roundtable.library.tests.factories import make_entry, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def _flags(text: str, *, file: bool = False) -> list[deid.Flag]:
    """What the check flags in `text` (read as a file name with `file`)."""
    reading = deid_forms.file_name_text(text) if file else text
    return [deid.Flag(f.kind, text[f.start : f.end], f.start, f.end) for f in deid.scan(reading)]


@pytest.fixture
def editor(site):
    user = make_member(full_name="Eda Editor", username="eda")
    user.user_permissions.add(Permission.objects.get(codename="publish_libraryentry"))
    give_totp(user)  # editors have powers: MFA first
    return user


@pytest.fixture
def suggested_file(member):
    from wagtail.models import Locale

    entry = suggestion_create(
        user=member,
        locale=Locale.objects.get(language_code="en"),
        title="Case of Ana Petrović",
        summary="Draft",
        kind="report",
        language="en",
        upload=upload("ana-petrovic-assessment.pdf", pdf_bytes()),
        # The check flags the name in the title and the file's name; the member confirms.
        confirmed={f"all:{flag.key}" for flag in _flags("Case of Ana Petrović")}
        | {f"all:{flag.key}" for flag in _flags("ana-petrovic-assessment.pdf", file=True)},
    )
    return entry.files.get()


def test_a_suggested_file_is_stored_privately_under_a_neutral_name(suggested_file, settings):
    name = suggested_file.file.name
    assert "petrovic" not in name and name.startswith("library/") and name.endswith(".pdf")
    assert (settings.PRIVATE_MEDIA_ROOT / name).is_file()
    assert not (settings.MEDIA_ROOT / name).exists()
    assert not list(settings.MEDIA_ROOT.rglob("*.pdf")) if settings.MEDIA_ROOT.exists() else True
    assert str(suggested_file) == "ana-petrovic-assessment.pdf"


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 404), ("other_member", 404), ("member", 200), ("editor", 200)],
)
def test_a_draft_file_is_served_to_its_uploader_and_editors_only(
    client, request, suggested_file, who, status
):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for url in [
        reverse("library:download", args=[suggested_file.pk]),
        suggested_file.file.url,  # the link the admin shows
    ]:
        response = client.get(url)
        assert response.status_code == status, url
        if status == 200:
            assert b"".join(response.streaming_content).startswith(b"%PDF")
            assert "ana-petrovic-assessment.pdf" in response["Content-Disposition"]
            assert "no-store" in response["Cache-Control"]
    assert client.get(f"/media/{suggested_file.file.name}").status_code == 404


def test_a_published_file_is_downloadable_by_anyone(client, site):
    entry = make_entry(title="Published protocol")
    item = LibraryFile.objects.create(
        entry=entry, file=upload("protocol.pdf", pdf_bytes()), language="en"
    )
    assert client.get(reverse("library:download", args=[item.pk])).status_code == 200
    assert client.get(item.file.url).status_code == 200


def test_existing_public_files_move_to_private_storage(client, site, settings):
    from django.apps import apps

    entry = make_entry(title="Old draft", live=False)
    old_name = "library/en/child-name-report.pdf"
    (settings.MEDIA_ROOT / "library/en").mkdir(parents=True)
    (settings.MEDIA_ROOT / old_name).write_bytes(pdf_bytes())
    item = LibraryFile.objects.create(entry=entry, language="en")
    LibraryFile.objects.filter(pk=item.pk).update(file=old_name)
    assert client.get(f"/media/{old_name}").status_code == 200  # public before

    migration = importlib.import_module(
        "roundtable.library.migrations.0005_move_library_files_to_private_storage"
    )
    migration.move_to_private(apps, None)

    item.refresh_from_db()
    assert item.filename == "child-name-report.pdf"
    assert "child" not in item.file.name
    assert (settings.PRIVATE_MEDIA_ROOT / item.file.name).read_bytes().startswith(b"%PDF")
    assert client.get(f"/media/{old_name}").status_code == 404
