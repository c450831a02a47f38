from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "roundtable.accounts"
    label = "accounts"
    verbose_name = _("Members")

    def ready(self) -> None:
        from roundtable.core import home
        from roundtable.core.navigation import NavItem, register

        register(NavItem(label=_("Members"), url_name="accounts:directory", order=80))

        from roundtable.accounts.search_provider import search_members
        from roundtable.search import registry

        registry.register(
            registry.Provider(key="members", label=_("Members"), search=search_members, order=40)
        )
        home.register(
            home.HomeSection(
                key="members",
                template="accounts/_home_section.html",
                context=lambda request: {},
                order=80,
            )
        )
