from django.urls import path

from . import trust_views, views

app_name = "federations"
urlpatterns = [
    path("forbund/", views.federation_list, name="federation_list"),
    path("forbund/<slug:slug>/", views.federation_detail, name="federation_detail"),
    path("forbund/<slug:slug>/register/", views.register_edit, name="register_edit"),
    path("forbund/<slug:slug>/uppdrag/nytt/", views.mandate_create, name="mandate_create"),
    path("forbund/<slug:slug>/uppdrag/<int:pk>/avsluta/", views.mandate_end, name="mandate_end"),
    path("forbund/<slug:slug>/personer/ny/", views.person_edit, name="person_create"),
    path("forbund/<slug:slug>/personer/<int:pk>/", views.person_edit, name="person_edit"),
    path("forbund/<slug:slug>/medlemmar/ny/", views.membership_create, name="membership_create"),
    path("forbund/<slug:slug>/medlemmar/<int:pk>/avsluta/", views.membership_end, name="membership_end"),
    path("forbund/<slug:slug>/importera-ledamoter/", views.roster_import, name="roster_import"),
    path("forbund/<slug:slug>/justering/", trust_views.signing_settings, name="signing_settings"),
    path("forbund/<slug:slug>/justering/sigill/", trust_views.seal_upload, name="seal_upload"),
    path("forbund/<slug:slug>/justering/sigill/ta-bort/", trust_views.seal_remove, name="seal_remove"),
    path("forbund/<slug:slug>/personer/<int:pk>/personnummer/", trust_views.identity_enter, name="identity_enter"),
    path("konto/e-legitimation/", trust_views.eid_link, name="eid_link"),
    path("projekt/", views.project_list, name="project_list"),
    path("projekt/<slug:slug>/", views.project_detail, name="project_detail"),
    path("personer/<int:pk>/", views.person_detail, name="person_detail"),
]
