from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from . import health

urlpatterns = [
    path("", include("meetings.home.urls")),
    path("healthz", health.healthz, name="healthz"),
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", RedirectView.as_view(url=static("favicon.svg"), permanent=True), name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("federations.urls")),
    path("", include("meetings.urls")),
]

# Uploaded files (attachments, sealed PDFs, pending imports) are never served from MEDIA_ROOT directly, not even in
# development: each is served by a view that checks who may read it.
