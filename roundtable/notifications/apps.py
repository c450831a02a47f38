from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "roundtable.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from roundtable.core import capabilities as cap

        cap.register(
            cap.Capability(
                key=self.label,
                label=self.verbose_name,
                urls=(cap.UrlInclude(module="roundtable.notifications.urls"),),
            )
        )
