"""Writes about members: profiles, avatars and code-of-conduct acceptance."""

import io
import re
import secrets

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
    HandleHistory,
    Profile,
    SpokenLanguage,
)
from roundtable.core import deid_forms
from roundtable.core.text import fold
from roundtable.core.uploads import IMAGE_MAX_PIXELS, image_open, read_upload

AVATAR_SIZE = 256
# Refuse images whose pixel count could exhaust memory while decoding ("decompression bombs").
AVATAR_MAX_PIXELS = IMAGE_MAX_PIXELS
AVATAR_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


# --- Handles ---------------------------------------------------------------------------

HANDLE_MIN_LENGTH = 3
HANDLE_MAX_LENGTH = 30
_HANDLE_CHARACTERS = re.compile(r"[\w.-]+")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
RESERVED_HANDLES = {"admin", "moderator", "moderators", "roundtable", "staff", "support"}
# Neutral words for handles of members who have not given a name yet.
_HANDLE_WORDS = [
    "birch", "cedar", "cloud", "delta", "ember", "falcon", "harbour", "heron", "lantern",
    "linden", "maple", "meadow", "orchard", "pebble", "river", "sparrow", "summit", "willow",
]  # fmt: skip


def _squeezed(text: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", fold(text))


def _reveals_address(handle: str, email: str) -> bool:
    """Whether the handle contains the local part of the address (folded, punctuation
    ignored): "Marko.Petrovic" reveals marko.petrovic@..., "Marko" does not."""
    local = _squeezed(email.partition("@")[0])
    return len(local) >= HANDLE_MIN_LENGTH and local in _squeezed(handle)


def _handle_taken(folded: str, *, user: AbstractBaseUser | None) -> bool:
    others_current = Profile.objects.filter(handle_folded=folded)
    others_former = HandleHistory.objects.filter(handle_folded=folded)
    if user is not None and user.pk:
        others_current = others_current.exclude(user=user)
        others_former = others_former.exclude(user=user)
    return others_current.exists() or others_former.exists()


def handle_check(handle: str, *, user: AbstractBaseUser | None) -> str:
    """The handle, stripped, or a translated ValidationError saying what is wrong with it."""
    handle = handle.strip().lstrip("@")
    if not HANDLE_MIN_LENGTH <= len(handle) <= HANDLE_MAX_LENGTH:
        raise ValidationError(
            _("A handle has %(min)s to %(max)s characters.")
            % {"min": HANDLE_MIN_LENGTH, "max": HANDLE_MAX_LENGTH},
            code="handle_length",
        )
    if not (_HANDLE_CHARACTERS.fullmatch(handle) and handle[0].isalnum() and handle[-1].isalnum()):
        raise ValidationError(
            _(
                "Use letters, digits, dots, hyphens and underscores only, and begin and end with a letter or a digit."
            ),
            code="handle_characters",
        )
    folded = fold(handle)
    if _squeezed(handle) in RESERVED_HANDLES or _handle_taken(folded, user=user):
        raise ValidationError(
            _("The handle @%(handle)s is already taken. Choose another one.") % {"handle": handle},
            code="handle_taken",
        )
    if user is not None and _reveals_address(handle, user.email or ""):
        raise ValidationError(
            _("Choose a handle that does not contain your e-mail address."),
            code="handle_reveals_address",
        )
    return handle


def handle_generate(*, user: AbstractBaseUser, full_name: str = "") -> str:
    """A free handle that does not reveal the member's address: from their name when they
    gave one ("Jovana.Marić", then "Jovana.Marić2"...), else a word and a number."""
    words = ["".join(ch for ch in word if ch.isalnum()) for word in full_name.split()]
    base = ".".join(word for word in words if word)[: HANDLE_MAX_LENGTH - 3]
    candidates = [base, *(f"{base}{number}" for number in range(2, 30))] if base else []
    candidates += [
        f"{secrets.choice(_HANDLE_WORDS)}{secrets.randbelow(9000) + 1000}" for _ in range(20)
    ]
    for candidate in candidates:
        try:
            return handle_check(candidate, user=user)
        except ValidationError:
            continue
    return f"member{secrets.randbelow(10**9)}"  # 20 draws from 162,000 all taken: unlikely


def _handle_set(profile: Profile, handle: str) -> None:
    """Give the profile `handle`; the one it replaces stays reserved for the member."""
    if profile.handle and fold(profile.handle) != fold(handle):
        HandleHistory.objects.update_or_create(
            handle_folded=fold(profile.handle),
            defaults={"user_id": profile.user_id, "handle": profile.handle},
        )
    profile.handle = handle
    profile.handle_folded = fold(handle)


def profile_ensure(*, user: AbstractBaseUser) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    if not profile.handle:
        _handle_set(profile, handle_generate(user=user, full_name=profile.full_name))
        try:
            with transaction.atomic():
                profile.save(update_fields=["handle", "handle_folded"])
        except IntegrityError:  # taken in the meantime by a concurrent sign-up
            profile.refresh_from_db()
            _handle_set(profile, handle_generate(user=user))
            profile.save(update_fields=["handle", "handle_folded"])
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
    confirmed: set[str] | None = None,
    handle: str = "",
) -> Profile:
    """Save a member's profile. Either everything is saved or nothing is. An empty `handle`
    keeps the current one."""
    # A bio is read by colleagues: it must not identify the children one works with.
    deid_forms.check(texts=[("bio", bio.strip())], confirmed=confirmed or set())
    if handle and handle.strip().lstrip("@") != profile.handle:
        _handle_set(profile, handle_check(handle, user=profile.user))
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
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError as exc:  # the handle was taken between the check and the save
        raise ValidationError(
            _("The handle @%(handle)s is already taken. Choose another one.")
            % {"handle": profile.handle},
            code="handle_taken",
        ) from exc
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
