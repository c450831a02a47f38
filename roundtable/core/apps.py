from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "roundtable.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from roundtable.core.uploads import configure_pillow

        configure_pillow()
