from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from roundtable.translations import views
from roundtable.translations.models import TranslatorLanguage


@hooks.register("register_admin_urls")
def register_dashboard_url():
    return [path("translations/", views.dashboard, name="translations_dashboard")]


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return MenuItem(
        _("Translation dashboard"),
        reverse("translations_dashboard"),
        icon_name="wagtail-localize-language",
        order=250,
    )


class TranslatorLanguageViewSet(SnippetViewSet):
    model = TranslatorLanguage
    icon = "user"
    list_display = ["user", "locale"]


register_snippet(TranslatorLanguageViewSet)
