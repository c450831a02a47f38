from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    name = "roundtable.glossary"
    label = "glossary"
    verbose_name = _("Glossary")

    def ready(self) -> None:
        from roundtable.core.navigation import NavItem, register

        register(NavItem(label=_("Glossary"), url_name="glossary:index", order=70))
