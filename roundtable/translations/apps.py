from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "roundtable.translations"
    label = "translations"
    verbose_name = _("Translations")

    def ready(self) -> None:
        from roundtable.translations import signals

        signals.connect()
