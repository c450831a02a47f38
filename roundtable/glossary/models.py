"""The shared terminology: agreed wordings of child-protection terms in every language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from roundtable.core.text import fold


class Term(TranslatableMixin, models.Model):
    """One agreed term in one language; its translations share a `translation_key`."""

    term = models.CharField(_("term"), max_length=200)
    definition = models.TextField(_("definition"), max_length=1000)
    slug = models.SlugField(_("slug"), max_length=120)
    # Accent-, case- and script-folded wording, so that "femijeve" finds "fëmijëve".
    term_folded = models.CharField(max_length=200, editable=False, db_index=True, default="")
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    panels = [FieldPanel("term"), FieldPanel("definition"), FieldPanel("slug")]
    translatable_fields = [
        TranslatableField("term"),
        TranslatableField("definition"),
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["term_folded"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_term_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.term

    def save(self, *args, **kwargs):
        # A derived column, kept in step with the wording it indexes.
        self.term_folded = fold(self.term)[:200]
        super().save(*args, **kwargs)
