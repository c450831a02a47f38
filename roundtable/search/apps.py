from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "roundtable.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from roundtable.core import capabilities as cap

        cap.register(
            cap.Capability(
                key=self.label,
                label=self.verbose_name,
                urls=(cap.UrlInclude(module="roundtable.search.urls"),),
            )
        )
