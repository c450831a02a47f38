"""Editorial content: home, series and standard pages, topics, and the funders credited."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from roundtable.content.blocks import BodyBlock


class HomePage(Page):
    """The front page of one language. Sections appear as their capabilities arrive."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("welcome text"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage", "content.SeriesIndexPage", "content.StandardPage"]
    max_count_per_parent = None

    def get_context(self, request, *args, **kwargs):
        from roundtable.core.home import sections_for

        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = sections_for(request)
        return context

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
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    translatable_fields = [TranslatableField("name"), SynchronizedField("url")]

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


class Topic(TranslatableMixin, models.Model):
    """A theme of the child-protection taxonomy, labelled in every language.

    The translations of one topic share a `translation_key`: filters match on that key, so
    choosing the Albanian label finds the English and Croatian items too.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name


class StandardPage(Page):
    """About, contact and other plain pages."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["content.HomePage", "content.StandardPage"]
    subpage_types = ["content.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class SeriesIndexPage(Page):
    """Every series, newest first."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.SeriesPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("series index")
        verbose_name_plural = _("series indexes")

    def get_context(self, request, *args, **kwargs):
        from roundtable.content.selectors import series_list

        context = super().get_context(request, *args, **kwargs)
        context["series_list"] = series_list(index=self)
        return context


class SeriesPage(Page):
    """A themed collection that ties articles, discussions, webinars and documents together."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    funders = ParentalManyToManyField(
        Funder, verbose_name=_("funded by"), blank=True, related_name="series"
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="+")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("topics"),
        FieldPanel("funders"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.SeriesIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = [SynchronizedField("funders"), SynchronizedField("topics")]

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def get_context(self, request, *args, **kwargs):
        from roundtable.content.selectors import localize_all
        from roundtable.content.series import series_items

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = series_items(series=self, request=request)
        context["funders"] = localize_all(self.funders.all(), locale=self.locale)
        return context
