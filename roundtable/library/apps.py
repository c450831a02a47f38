from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "roundtable.library"
    label = "library"
    verbose_name = _("Library")

    def ready(self) -> None:
        from roundtable.core import capabilities as cap
        from roundtable.core.home import HomeSection
        from roundtable.core.navigation import NavItem
        from roundtable.library import selectors, services, signals
        from roundtable.library.search_provider import search_library
        from roundtable.library.sitemap import LibraryEntriesSitemap, LibraryIndexSitemap

        signals.connect()
        cap.register(
            cap.Capability(
                key=self.label,
                label=self.verbose_name,
                nav=(NavItem(label=_("Library"), url_name="library:index", order=20),),
                home=(
                    HomeSection(
                        key="library",
                        template="library/_home_section.html",
                        context=selectors.home_section,
                        order=40,
                    ),
                ),
                search=(
                    cap.Provider(
                        key="library", label=_("Library"), search=search_library, order=10
                    ),
                ),
                series=(
                    cap.SeriesKind(
                        key="library",
                        label=_("Documents"),
                        template="library/_series_items.html",
                        items=selectors.series_entries,
                        order=40,
                    ),
                ),
                notifications={
                    services.SUGGESTION_RECEIVED: cap.NotificationKind(
                        message=_(
                            "A member suggested a document for the library: “%(title)s”. Please review it."
                        )
                    ),
                },
                translatable=(
                    cap.Translatable(
                        model="library.LibraryEntry",
                        key="libraryentry",
                        label=_("Library entry"),
                        order=100,
                        series_lookup="series__translation_key",
                    ),
                ),
                sitemaps={"library": LibraryIndexSitemap, "library-entries": LibraryEntriesSitemap},
                demo=cap.Demo(order=30, steps="roundtable.library.demo"),
                bench="roundtable.library.bench",
                urls=(cap.UrlInclude(module="roundtable.library.urls"),),
                # Every library permission changes what others read.
                mfa_roles=cap.MfaRoles(permissions=("library.*",)),
                deid_fields={"library.LibraryEntry": ("title", "summary")},
            )
        )
