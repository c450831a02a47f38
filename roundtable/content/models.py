"""Editorial content: the home page of each language and the funders credited on the site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index


class HomePage(Page):
    """The front page of one language. Sections appear as their capabilities arrive."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("welcome text"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types: list[str] = []
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class Funder(TranslatableMixin, models.Model):
    """A funder or partner credited in the footer ("This project is funded by")."""

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    show_in_footer = models.BooleanField(_("credit in the footer"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("logo"),
        FieldPanel("show_in_footer"),
        FieldPanel("position"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["position", "name"]
        verbose_name = _("funder or partner")
        verbose_name_plural = _("funders and partners")

    def __str__(self) -> str:
        return self.name
