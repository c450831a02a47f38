"""News: an index per language and the articles under it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField

from roundtable.content.blocks import BodyBlock
from roundtable.content.models import Funder, Topic
from roundtable.core.text import fold


class NewsIndexPage(Page):
    """The news of one language: paginated, filtered by country, topic and series."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        from roundtable.news.views import news_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(news_index_context(request, index=self))
        return context

    def route(self, request, path_components):
        # /<index>/<language>/<slug>/: an article this index lists but that is not yet
        # translated into its language, served inside this language's interface.
        if len(path_components) == 2 and self.live:
            from roundtable.news.selectors import original_for_reader

            original, listed = original_for_reader(self, *path_components)
            if original is not None:
                return RouteResult(original, kwargs={"reader_index": self})
            if listed is not None:
                return RouteResult(self, kwargs={"moved_to": listed})
            raise Http404
        return super().route(request, path_components)

    def serve(self, request, *args, moved_to=None, **kwargs):
        if moved_to is not None:
            # An old link to an original that has been translated since: its translation.
            from roundtable.news.selectors import article_url

            return redirect(article_url(moved_to, index=self, request=request))
        return super().serve(request, *args, **kwargs)


class NewsArticlePage(Page):
    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    intro = models.TextField(_("summary"), max_length=400, blank=True)
    countries = CountryField(_("countries"), multiple=True, blank=True)
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="+")
    series = models.ForeignKey(
        "content.SeriesPage",
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    funders = ParentalManyToManyField(
        Funder, verbose_name=_("funded by"), blank=True, related_name="+"
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("lead image description (alternative text)"), max_length=250, blank=True
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    # Folded text of the article for site search (accents, case and script ignored).
    search_folded = models.TextField(editable=False, default="")

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Lead image")
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("countries"),
                FieldPanel("topics"),
                FieldPanel("series"),
                FieldPanel("funders"),
            ],
            heading=_("Classification"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []
    # Classification is the same in every language; filters match it through translation keys.
    override_translatable_fields = [
        SynchronizedField("countries"),
        SynchronizedField("topics"),
        SynchronizedField("series"),
        SynchronizedField("funders"),
        SynchronizedField("date"),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def clean(self):
        super().clean()
        if self.lead_image_id and not self.lead_image_alt.strip():
            raise ValidationError(
                {"lead_image_alt": _("Describe the lead image for readers who cannot see it.")}
            )

    def save(self, *args, **kwargs):
        # A derived column, kept in step with the text it indexes.
        body_text = self.body.stream_block.get_searchable_content(self.body) if self.body else []
        self.search_folded = fold(" ".join([self.title, self.intro, *map(str, body_text)]))[:60_000]
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, reader_index=None, **kwargs):
        from roundtable.news.selectors import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(self, reader_index=reader_index))
        if reader_index is not None:
            # The original shown inside another language's interface: the original is the
            # canonical page, and this copy is no hreflang alternate (nor in the sitemap).
            context["reading_original"] = True
            context["canonical_url"] = settings.SITE_URL.rstrip("/") + self.get_url(request)
            context["hreflang_alternates"] = []
        return context

    def untranslated_urls(self, codes, request=None) -> dict[str, str]:
        """For the language switcher: in each of `codes` (languages without a translation
        of this article), the version that language's news lists, inside its interface."""
        from roundtable.news.selectors import original_url, version_listed_in

        indexes = (
            NewsIndexPage.objects.live()
            .public()
            .filter(locale__language_code__in=codes)
            .select_related("locale")
        )
        indexes = list(indexes)
        if not indexes:
            return {}
        # Every language without a translation lists the same version (see in_reader_language).
        version = version_listed_in(self, locale=indexes[0].locale)
        if version is None:
            return {}
        return {
            index.locale.language_code: original_url(version, index=index, request=request)
            for index in indexes
        }
