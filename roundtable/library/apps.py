from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "roundtable.library"
    label = "library"
    verbose_name = _("Library")

    def ready(self) -> None:
        from roundtable.content import series
        from roundtable.core import home, navigation
        from roundtable.library import selectors, signals

        signals.connect()
        from roundtable.library.search_provider import search_library
        from roundtable.search import registry

        registry.register(
            registry.Provider(key="library", label=_("Library"), search=search_library, order=10)
        )
        navigation.register(
            navigation.NavItem(label=_("Library"), url_name="library:index", order=20)
        )
        home.register(
            home.HomeSection(
                key="library",
                template="library/_home_section.html",
                context=selectors.home_section,
                order=40,
            )
        )
        series.register(
            series.SeriesKind(
                key="library",
                label=_("Documents"),
                template="library/_series_items.html",
                items=selectors.series_entries,
                order=40,
            )
        )
