from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "roundtable.news"
    label = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        from roundtable.content import series
        from roundtable.core import home, navigation
        from roundtable.news import selectors
        from roundtable.news.search_provider import search_news
        from roundtable.search import registry

        registry.register(
            registry.Provider(key="news", label=_("News"), search=search_news, order=20)
        )

        navigation.register(
            navigation.NavItem(
                label=_("News"), url_name="news", order=10, resolve=selectors.news_index_url
            )
        )
        home.register(
            home.HomeSection(
                key="news",
                template="news/_home_section.html",
                context=selectors.home_section,
                order=10,
            )
        )
        series.register(
            series.SeriesKind(
                key="news",
                label=_("Articles"),
                template="news/_series_items.html",
                items=selectors.series_articles,
                order=10,
            )
        )
