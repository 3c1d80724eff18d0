"""Importing minutes from documents."""

from django.urls import path

from . import views

urlpatterns = [
    path("moten/importera/", views.import_upload, name="import_upload"),
    path("moten/importera/<str:upload_id>/", views.import_review, name="import_review"),
]
