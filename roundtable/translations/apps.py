from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "roundtable.translations"
    label = "translations"
    verbose_name = _("Translations")

    def ready(self) -> None:
        from roundtable.core import capabilities as cap
        from roundtable.translations import services, signals

        cap.register(
            cap.Capability(
                key=self.label,
                label=self.verbose_name,
                notifications={
                    services.SOURCE_CHANGED: cap.NotificationKind(
                        message=_(
                            "“%(title)s” changed in its original language: the %(language)s translation is now out of date."
                        ),
                        prepare=services.source_changed_params,
                    ),
                },
            )
        )
        signals.connect()
