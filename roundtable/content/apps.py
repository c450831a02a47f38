from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "roundtable.content"
    label = "content"
    verbose_name = _("Content")

    def ready(self) -> None:
        from roundtable.content.selectors import series_index_url
        from roundtable.content.sitemap import PagesOnSiteUrl
        from roundtable.core import capabilities as cap
        from roundtable.core.navigation import NavItem

        def page(model: str, key: str, label, order: int, series_lookup: str = ""):
            return cap.Translatable(
                model=f"content.{model}",
                key=key,
                label=label,
                order=order,
                series_lookup=series_lookup,
            )

        cap.register(
            cap.Capability(
                key=self.label,
                label=self.verbose_name,
                nav=(
                    NavItem(label=_("Home"), url_name="wagtail_serve", url_args=("",), order=0),
                    NavItem(
                        label=_("Series"), url_name="series", order=15, resolve=series_index_url
                    ),
                ),
                translatable=(
                    page("SeriesPage", "series", _("Series"), 20, series_lookup="translation_key"),
                    page("StandardPage", "page", _("Standard page"), 30),
                    page("HomePage", "home", _("Home page"), 40),
                    page("SeriesIndexPage", "seriesindex", _("Series index"), 60),
                    page("Topic", "topic", _("Topic"), 70),
                    page("Funder", "funder", _("Funder or partner"), 90),
                ),
                sitemaps={"pages": PagesOnSiteUrl},
                demo=cap.Demo(order=10, steps="roundtable.content.demo"),
                # Editors of pages and snippets enter the Wagtail admin.
                mfa_roles=cap.MfaRoles(permissions=("wagtailadmin.access_admin",)),
            )
        )

        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from roundtable.content.signals import forget_cached_locales

        post_save.connect(forget_cached_locales, sender=Locale, dispatch_uid="forget_locales_save")
        post_delete.connect(forget_cached_locales, sender=Locale, dispatch_uid="forget_locales_del")
