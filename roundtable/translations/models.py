"""Who translates into which language: they see the dashboard and hear when sources change."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class TranslatorLanguage(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="translator_languages",
        verbose_name=_("translator"),
    )
    locale = models.ForeignKey(
        Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("language")
    )

    class Meta:
        verbose_name = _("translator language")
        verbose_name_plural = _("translator languages")
        constraints = [
            models.UniqueConstraint(fields=["user", "locale"], name="unique_translator_language")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.locale.get_display_name()}"
