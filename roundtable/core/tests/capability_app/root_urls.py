"""The site's URLconf built from the declarations of the apps installed when it is imported
(the test imports it afresh under its overridden INSTALLED_APPS)."""

from roundtable.urls import build_urlpatterns

urlpatterns = build_urlpatterns()
handler429 = "roundtable.core.views.rate_limited"
