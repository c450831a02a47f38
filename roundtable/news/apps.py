from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "roundtable.news"
    label = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        from roundtable.core import capabilities as cap
        from roundtable.core.home import HomeSection
        from roundtable.core.navigation import NavItem
        from roundtable.news import selectors
        from roundtable.news.search_provider import search_news

        cap.register(
            cap.Capability(
                key=self.label,
                label=self.verbose_name,
                nav=(
                    NavItem(
                        label=_("News"), url_name="news", order=10, resolve=selectors.news_index_url
                    ),
                ),
                footer=(
                    cap.FooterLink(label=_("News feed (RSS)"), url_name="news:feed_rss", order=30),
                ),
                home=(
                    HomeSection(
                        key="news",
                        template="news/_home_section.html",
                        context=selectors.home_section,
                        order=10,
                    ),
                ),
                search=(cap.Provider(key="news", label=_("News"), search=search_news, order=20),),
                series=(
                    cap.SeriesKind(
                        key="news",
                        label=_("Articles"),
                        template="news/_series_items.html",
                        items=selectors.series_articles,
                        order=10,
                    ),
                ),
                translatable=(
                    cap.Translatable(
                        model="news.NewsArticlePage",
                        key="news",
                        label=_("News article"),
                        order=10,
                        series_lookup="series__translation_key",
                    ),
                    cap.Translatable(
                        model="news.NewsIndexPage", key="newsindex", label=_("News index"), order=50
                    ),
                ),
                demo=cap.Demo(order=20, steps="roundtable.news.demo"),
                bench="roundtable.news.bench",
                urls=(cap.UrlInclude(module="roundtable.news.urls"),),
            )
        )
