"""Importing minutes from documents."""

from django.urls import path

from . import views

urlpatterns = [
    path("moten/importera/", views.import_upload, name="import_upload"),
    path("moten/importera/<int:pk>/", views.import_review, name="import_review"),
    path("moten/importera/<int:pk>/original/", views.import_original, name="import_original"),
    path("moten/importera/<int:pk>/ta-bort/", views.import_discard, name="import_discard"),
    path("moten/<int:pk>/importerat/lagg-till-handlingarna/", views.imported_record_file, name="imported_record_file"),
]
