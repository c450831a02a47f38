"""The test capability's whole declaration."""

from django.apps import AppConfig

DEMO_DONE_KEY = "capability_app:demo-step-ran"


def _search(*, query: str, also, request, limit: int):
    from roundtable.core.capabilities import Result, ResultGroup

    if "lantern" not in query.lower():
        return ResultGroup(key="lanterns", label="Lanterns")
    result = Result(title="The fixed lantern result", url="/en/lanterns/", snippet="Always here.")
    return ResultGroup(key="lanterns", label="Lanterns", results=[result], total=1)


def _demo_steps():
    def make_lanterns() -> None:
        from django.core.cache import cache

        cache.set(DEMO_DONE_KEY, True)

    return [("Lanterns", make_lanterns)]


class CapabilityAppConfig(AppConfig):
    name = "roundtable.core.tests.capability_app"
    label = "capability_app"
    verbose_name = "Lanterns"

    def ready(self) -> None:
        from roundtable.core import capabilities as cap
        from roundtable.core.home import HomeSection
        from roundtable.core.navigation import NavItem
        from roundtable.core.tests.capability_app.sitemap import LanternsSitemap

        cap.register(
            cap.Capability(
                key=self.label,
                label=self.verbose_name,
                nav=(NavItem(label="Lanterns", url_name="capability_app:index", order=90),),
                footer=(cap.FooterLink(label="About lanterns", url_name="capability_app:index"),),
                home=(
                    HomeSection(
                        key="lanterns",
                        template="capability_app/_home_section.html",
                        context=lambda request: {"lantern_count": 3},
                        order=90,
                    ),
                ),
                search=(cap.Provider(key="lanterns", label="Lanterns", search=_search, order=90),),
                sitemaps={"lanterns": LanternsSitemap},
                demo=cap.Demo(order=99, steps=_demo_steps),
                urls=(cap.UrlInclude(module="roundtable.core.tests.capability_app.urls"),),
            )
        )
