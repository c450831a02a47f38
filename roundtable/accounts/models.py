"""Members: profile, vocabularies and the code of conduct they accept."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin

from roundtable.accounts.choices import EXPERTISE_AREAS, Profession, Visibility, language_name


class SpokenLanguage(models.Model):
    code = models.CharField(_("code"), max_length=12, primary_key=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return language_name(self.code)


class ExpertiseArea(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, primary_key=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("area of expertise")
        verbose_name_plural = _("areas of expertise")

    def __str__(self) -> str:
        return str(EXPERTISE_AREAS.get(self.slug, self.slug))


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    full_name = models.CharField(_("full name"), max_length=120, blank=True)
    # The public @name: never derived from the e-mail address (the username is, so it is
    # never shown). `handle_folded` (core.text.fold) makes Marko, marko and Марко one handle;
    # NULL, not "", for profiles that have none yet, so that they do not collide.
    handle = models.CharField(_("handle"), max_length=30, blank=True)
    handle_folded = models.CharField(  # noqa: DJ001
        max_length=60, null=True, blank=True, unique=True, editable=False
    )
    avatar = models.ImageField(_("photo"), upload_to="avatars/%Y/%m/", blank=True)
    profession = models.CharField(
        _("profession"), max_length=32, choices=Profession.choices, blank=True
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)
    municipality = models.CharField(_("municipality"), max_length=120, blank=True)
    languages = models.ManyToManyField(
        SpokenLanguage, verbose_name=_("languages spoken"), blank=True, related_name="profiles"
    )
    expertise = models.ManyToManyField(
        ExpertiseArea, verbose_name=_("areas of expertise"), blank=True, related_name="profiles"
    )
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    visibility = models.CharField(
        _("who can see my profile"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    show_email = models.BooleanField(_("show my email address to signed-in members"), default=False)
    # Name, organisation and municipality folded by core.text.fold, for accent-blind search.
    search_folded = models.CharField(max_length=500, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        indexes = [
            models.Index(fields=["visibility", "full_name"], name="profile_visibility_name_idx"),
            models.Index(fields=["profession"], name="profile_profession_idx"),
            models.Index(fields=["country"], name="profile_country_idx"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.full_name or str(_("New member"))

    @property
    def is_complete(self) -> bool:
        return bool(self.full_name and self.profession)


class HandleHistory(models.Model):
    """A handle a member used before. Old mentions of it still lead to the member, and
    nobody else can take it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="former_handles"
    )
    handle = models.CharField(_("handle"), max_length=30)
    handle_folded = models.CharField(max_length=60, unique=True)
    retired_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("former handle")
        verbose_name_plural = _("former handles")

    def __str__(self) -> str:
        return f"@{self.handle}"


class CodeOfConduct(TranslatableMixin, models.Model):
    """One version of the platform's child-protection code of conduct, in one language.

    A new version (a higher number) makes every member accept the code again. Translations
    share the version number of their source.
    """

    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), help_text=_("Shown above the full text."))
    body = RichTextField(_("text"))
    effective_from = models.DateField(_("effective from"), default=timezone.localdate)

    panels = [
        FieldPanel("version"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("effective_from"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("code of conduct")
        verbose_name_plural = _("codes of conduct")
        constraints = [
            models.UniqueConstraint(fields=["locale", "version"], name="conduct_unique_version")
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class ConductAcceptance(models.Model):
    """A member's acceptance of one version of the code of conduct: who, which, when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conduct_acceptances"
    )
    version = models.PositiveIntegerField(_("version"))
    language = models.CharField(_("language read"), max_length=12)
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)

    class Meta:
        verbose_name = _("code of conduct acceptance")
        verbose_name_plural = _("code of conduct acceptances")
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="conduct_accept_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} v{self.version} {self.accepted_at:%Y-%m-%d}"
