from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "roundtable.forum"
    label = "forum"
    verbose_name = _("Forum")

    def ready(self) -> None:
        from roundtable.content import series
        from roundtable.core import home, navigation, periodic
        from roundtable.forum import notify, search_provider, selectors  # noqa: F401 - kinds
        from roundtable.search import registry

        periodic.register(notify.schedule_digest)
        registry.register(
            registry.Provider(
                key="forum", label=_("Discussions"), search=search_provider.search_forum, order=30
            )
        )
        navigation.register(navigation.NavItem(label=_("Forum"), url_name="forum:index", order=25))
        home.register(
            home.HomeSection(
                key="forum",
                template="forum/_home_section.html",
                context=search_provider.home_section,
                order=30,
            )
        )
        series.register(
            series.SeriesKind(
                key="forum",
                label=_("Discussions"),
                template="forum/_series_items.html",
                items=lambda key, request: selectors.series_threads(key, request.user),
                order=20,
            )
        )
