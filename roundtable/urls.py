"""URL map. Every reader-facing page lives under a language prefix (/sq/members/).

The capabilities' own URL patterns and sitemap sections come from their declarations
(core/capabilities.py): this module names no capability.
"""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from roundtable.core import capabilities
from roundtable.core import views as core_views
from roundtable.core.sitemaps import sitemap_index

# The Django admin signs in through allauth, so that two-factor authentication applies.
admin.site.login = secure_admin_login(admin.site.login)


def build_urlpatterns() -> list:
    """The whole URL map from the installed capabilities' declarations. A test that installs
    another app builds its URLconf with this, under its overridden INSTALLED_APPS."""
    sitemaps = capabilities.sitemaps()
    patterns = [
        path("healthz", core_views.healthz, name="healthz"),
        path("robots.txt", core_views.robots_txt, name="robots_txt"),
        path("admin/", include(wagtailadmin_urls)),
        path("django-admin/", admin.site.urls),
        path("documents/", include(wagtaildocs_urls)),
        path(
            "sitemap.xml",
            sitemap,
            {"sitemaps": sitemaps},
            name="django.contrib.sitemaps.views.sitemap",
        ),
        path("sitemap-index.xml", sitemap_index, {"sitemaps": sitemaps}, name="sitemap_index"),
        path("sitemap-<section>.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap_section"),
    ]
    includes = capabilities.url_includes()
    patterns += [path(i.prefix, include(i.module)) for i in includes if not i.i18n]
    patterns += i18n_patterns(
        *(path(i.prefix, include(i.module)) for i in includes if i.i18n),
        # Wagtail's catch-all goes last: it serves the page tree of the active language.
        path("", include(wagtail_urls)),
        prefix_default_language=True,
    )
    if settings.SERVE_MEDIA:
        media_prefix = settings.MEDIA_URL.lstrip("/")
        patterns = [
            re_path(rf"^{media_prefix}(?P<path>.+)$", core_views.public_media, name="public_media")
        ] + patterns
    return patterns


SITEMAPS = capabilities.sitemaps()
urlpatterns = build_urlpatterns()

handler429 = "roundtable.core.views.rate_limited"
