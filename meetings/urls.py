"""The meetings app's URLs: one module per job, all under the "meetings" namespace."""

from django.urls import include, path

app_name = "meetings"

urlpatterns = [
    path("", include("meetings.importing.urls")),
    path("", include("meetings.drafting.urls")),
    path("", include("meetings.justering.urls")),
    path("", include("meetings.anslag.urls")),
    path("", include("meetings.register.urls")),
    path("", include("meetings.opendata.urls")),
    path("", include("meetings.operations.urls")),
]
