"""URL map. Every reader-facing page lives under a language prefix (/sq/members/)."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from roundtable.content.sitemap import PagesSitemap
from roundtable.core import views as core_views
from roundtable.core.sitemaps import SiteUrlMixin, sitemap_index
from roundtable.forum.sitemap import ForumCategoriesSitemap, ForumIndexSitemap, ForumThreadsSitemap
from roundtable.glossary.sitemap import GlossarySitemap
from roundtable.library.sitemap import LibraryEntriesSitemap, LibraryIndexSitemap


class _PagesOnSiteUrl(SiteUrlMixin, PagesSitemap):
    """The pages section, with its URLs on SITE_URL's host like every other section."""


SITEMAPS = {
    "pages": _PagesOnSiteUrl,
    "library": LibraryIndexSitemap,
    "library-entries": LibraryEntriesSitemap,
    "glossary": GlossarySitemap,
    "forum": ForumIndexSitemap,
    "forum-categories": ForumCategoriesSitemap,
    "forum-threads": ForumThreadsSitemap,
}

# The Django admin signs in through allauth, so that two-factor authentication applies.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("sitemap-index.xml", sitemap_index, {"sitemaps": SITEMAPS}, name="sitemap_index"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("roundtable.accounts.urls")),
    path("", include("roundtable.news.urls")),
    path("", include("roundtable.library.urls")),
    path("", include("roundtable.search.urls")),
    path("", include("roundtable.glossary.urls")),
    path("", include("roundtable.notifications.urls")),
    path("", include("roundtable.forum.urls")),
    # Wagtail's catch-all goes last: it serves the page tree of the active language.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns = [
        re_path(rf"^{media_prefix}(?P<path>.+)$", core_views.public_media, name="public_media")
    ] + urlpatterns

handler429 = "roundtable.core.views.rate_limited"
