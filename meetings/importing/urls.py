"""Importing minutes from documents."""

from django.urls import path

from . import views

urlpatterns = [
    path("moten/importera/", views.import_upload, name="import_upload"),
    path("moten/importera/<int:pk>/", views.import_review, name="import_review"),
    path("moten/importera/<int:pk>/original/", views.import_original, name="import_original"),
    path("moten/importera/<int:pk>/ta-bort/", views.import_discard, name="import_discard"),
    path("moten/importera/uppladdning/<int:pk>/", views.import_batch, name="import_batch"),
    path("moten/importera/dokument/<int:pk>/las-om/", views.import_document_retry, name="import_document_retry"),
    path("moten/importera/dokument/<int:pk>/ta-bort/", views.import_document_discard, name="import_document_discard"),
    path("moten/<int:pk>/importerat/lagg-till-handlingarna/", views.imported_record_file, name="imported_record_file"),
]
