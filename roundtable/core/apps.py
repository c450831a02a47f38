from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _create_cache_table(sender, using: str = "default", **kwargs) -> None:
    """`migrate` also creates the database cache's table when that cache is configured
    (production without REDIS_URL); it does nothing when the table exists."""
    from django.conf import settings
    from django.core.management import call_command

    if any(c["BACKEND"].endswith("DatabaseCache") for c in settings.CACHES.values()):
        call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "roundtable.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from roundtable.core import checks  # noqa: F401 - registers the deploy checks

        post_migrate.connect(_create_cache_table, sender=self)

        from roundtable.core.uploads import configure_pillow

        configure_pillow()
