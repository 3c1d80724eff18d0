from django.contrib import admin
from django.urls import include, path

from . import health, web

# A request the server cannot take (too large, malformed): a short answer to htmx and scripts, a page otherwise.
handler400 = "finsam.web.bad_request"

urlpatterns = [
    path("", include("meetings.home.urls")),
    path("healthz", health.healthz, name="healthz"),
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", web.favicon, name="favicon"),
    path("i18n/", include("federations.language.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("federations.urls")),
    path("", include("meetings.urls")),
]

# Uploaded files (attachments, sealed PDFs, pending imports) are never served from MEDIA_ROOT directly, not even in
# development: each is served by a view that checks who may read it.
