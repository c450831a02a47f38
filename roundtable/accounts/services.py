"""Writes about members: profiles, avatars and code-of-conduct acceptance."""

import io

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from roundtable.accounts.models import (
    ConductAcceptance,
    ExpertiseArea,
    Profile,
    SpokenLanguage,
)
from roundtable.core.text import fold
from roundtable.core.uploads import IMAGE_MAX_PIXELS, image_open, read_upload

AVATAR_SIZE = 256
# Refuse images whose pixel count could exhaust memory while decoding ("decompression bombs").
AVATAR_MAX_PIXELS = IMAGE_MAX_PIXELS
AVATAR_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def profile_ensure(*, user: AbstractBaseUser) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


def avatar_validate(upload: UploadedFile) -> None:
    """Raise a translated ValidationError unless the upload is a usable picture."""
    if upload.size > settings.AVATAR_MAX_UPLOAD_SIZE:  # bytes received
        raise ValidationError(
            _("The photo is too large: the limit is %(limit)s MB.")
            % {"limit": settings.AVATAR_MAX_UPLOAD_SIZE // (1024 * 1024)},
            code="too_large",
        )
    try:
        # The pixel count is read from the header, before anything is decoded.
        with image_open(read_upload(upload), limit=AVATAR_MAX_PIXELS) as image:
            if image.format not in AVATAR_FORMATS:
                raise ValidationError(
                    _("Upload a JPEG, PNG, WebP or GIF picture."), code="bad_type"
                )
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("This file is not a picture we can read. Upload a JPEG, PNG, WebP or GIF."),
            code="unreadable",
        ) from exc
    finally:
        upload.seek(0)


def avatar_render(upload: UploadedFile) -> ContentFile:
    """A square, 256-pixel WebP of the upload; metadata (GPS position...) is dropped."""
    upload.seek(0)
    with Image.open(upload) as image:
        image = ImageOps.exif_transpose(image)
        image = ImageOps.fit(image.convert("RGB"), (AVATAR_SIZE, AVATAR_SIZE), Image.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, format="WEBP", quality=82)
    return ContentFile(buffer.getvalue(), name="avatar.webp")


@transaction.atomic
def profile_update(
    *,
    profile: Profile,
    full_name: str,
    profession: str,
    organisation: str = "",
    country: str = "",
    municipality: str = "",
    bio: str = "",
    visibility: str,
    show_email: bool = False,
    languages: list[SpokenLanguage] | None = None,
    expertise: list[ExpertiseArea] | None = None,
    avatar: UploadedFile | None = None,
    remove_avatar: bool = False,
) -> Profile:
    """Save a member's profile. Either everything is saved or nothing is."""
    profile.full_name = full_name.strip()
    profile.profession = profession
    profile.organisation = organisation.strip()
    profile.country = country
    profile.municipality = municipality.strip()
    profile.bio = bio.strip()
    profile.visibility = visibility
    profile.show_email = show_email
    profile.search_folded = fold(
        " ".join([profile.full_name, profile.organisation, profile.municipality])
    )[:500]
    old_avatar = profile.avatar.name if profile.avatar else ""
    if avatar is not None:
        avatar_validate(avatar)
        rendered = avatar_render(avatar)
        profile.avatar.save(rendered.name, rendered, save=False)
    elif remove_avatar:
        profile.avatar = ""
    profile.full_clean()
    profile.save()
    if languages is not None:
        profile.languages.set(languages)
    if expertise is not None:
        profile.expertise.set(expertise)
    if old_avatar and old_avatar != (profile.avatar.name if profile.avatar else ""):
        # Delete the replaced file only once the new state is committed.
        storage = profile.avatar.storage
        transaction.on_commit(lambda: storage.delete(old_avatar))
    return profile


def conduct_accept(*, user: AbstractBaseUser, version: int, language: str) -> ConductAcceptance:
    """Record that the member accepted this version (again accepting it changes nothing)."""
    try:
        with transaction.atomic():
            acceptance = ConductAcceptance(
                user=user, version=version, language=language, accepted_at=timezone.now()
            )
            acceptance.full_clean(validate_constraints=False)
            acceptance.save()
    except IntegrityError:
        acceptance = ConductAcceptance.objects.get(user=user, version=version)
    return acceptance
