from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "roundtable.content"
    label = "content"
    verbose_name = _("Content")

    def ready(self) -> None:
        from roundtable.content.selectors import series_index_url
        from roundtable.core.navigation import NavItem, register

        register(NavItem(label=_("Home"), url_name="wagtail_serve", url_args=("",), order=0))
        register(NavItem(label=_("Series"), url_name="series", order=15, resolve=series_index_url))

        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from roundtable.content.signals import forget_cached_locales

        post_save.connect(forget_cached_locales, sender=Locale, dispatch_uid="forget_locales_save")
        post_delete.connect(forget_cached_locales, sender=Locale, dispatch_uid="forget_locales_del")
