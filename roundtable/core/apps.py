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


def _sync_site_with_settings(sender, using: str = "default", **kwargs) -> None:
    """The django.contrib.sites Site (named in account e-mails) takes its domain from
    SITE_URL and its name from WAGTAIL_SITE_NAME, on every `migrate` and test database."""
    from urllib.parse import urlsplit

    from django.conf import settings
    from django.contrib.sites.models import Site

    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={
            "domain": urlsplit(settings.SITE_URL).netloc,
            "name": settings.WAGTAIL_SITE_NAME,
        },
    )
    Site.objects.clear_cache()


class CoreConfig(AppConfig):
    name = "roundtable.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from roundtable.core import checks  # noqa: F401 - registers the deploy checks

        post_migrate.connect(_create_cache_table, sender=self)
        # After django.contrib.sites has created its table and default site.
        from django.apps import apps

        post_migrate.connect(_sync_site_with_settings, sender=apps.get_app_config("sites"))

        from roundtable.core.uploads import configure_pillow

        configure_pillow()
