from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    name = "roundtable.glossary"
    label = "glossary"
    verbose_name = _("Glossary")

    def ready(self) -> None:
        from roundtable.core.navigation import NavItem, register

        register(NavItem(label=_("Glossary"), url_name="glossary:index", order=70))

        from roundtable.glossary.search_provider import search_glossary
        from roundtable.search import registry

        registry.register(
            registry.Provider(key="glossary", label=_("Glossary"), search=search_glossary, order=30)
        )
