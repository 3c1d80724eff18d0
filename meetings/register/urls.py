"""The decision register, its exports and the assignments overview."""

from django.urls import path

from . import views

urlpatterns = [
    path("beslut/", views.decision_list, name="decision_list"),
    path("beslut/export.csv", views.export_csv, name="decision_export_csv"),
    path("beslut/export.xlsx", views.export_xlsx, name="decision_export_xlsx"),
    path("beslut/export/<uuid:token>/", views.export_job, name="decision_export_job"),
    path("beslut/export/<uuid:token>/fil", views.export_download, name="decision_export_download"),
    path("uppdrag/", views.assignments, name="assignments"),
]
