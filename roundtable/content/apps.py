from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "roundtable.content"
    label = "content"
    verbose_name = _("Content")

    def ready(self) -> None:
        from roundtable.core.navigation import NavItem, register

        register(NavItem(label=_("Home"), url_name="wagtail_serve", url_args=("",), order=0))
