from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "roundtable.accounts"
    label = "accounts"
    verbose_name = _("Members")

    def ready(self) -> None:
        from roundtable.accounts.search_provider import search_members
        from roundtable.core import capabilities as cap
        from roundtable.core.home import HomeSection
        from roundtable.core.navigation import NavItem

        cap.register(
            cap.Capability(
                key=self.label,
                label=self.verbose_name,
                nav=(NavItem(label=_("Members"), url_name="accounts:directory", order=80),),
                footer=(
                    cap.FooterLink(
                        label=_("Code of conduct"), url_name="accounts:conduct", order=10
                    ),
                ),
                home=(
                    HomeSection(
                        key="members",
                        template="accounts/_home_section.html",
                        context=lambda request: {},
                        order=80,
                    ),
                ),
                search=(
                    cap.Provider(
                        key="members", label=_("Members"), search=search_members, order=40
                    ),
                ),
                translatable=(
                    cap.Translatable(
                        model="accounts.CodeOfConduct",
                        key="conduct",
                        label=_("Code of conduct"),
                        order=120,
                    ),
                ),
                demo=cap.Demo(order=20, steps="roundtable.accounts.demo"),
                bench="roundtable.accounts.bench",
                urls=(
                    # allauth's sign-in, sign-up and two-factor pages belong to the members.
                    cap.UrlInclude(module="allauth.urls", prefix="accounts/"),
                    cap.UrlInclude(module="roundtable.accounts.urls"),
                ),
                deid_fields={"accounts.Profile": ("bio",)},
            )
        )
