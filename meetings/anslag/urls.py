"""The public notice board, verification and appeals."""

from django.urls import path

from . import views

urlpatterns = [
    path("moten/<int:pk>/justering/granskad/", views.review, name="justering_review"),
    path("moten/<int:pk>/overklagande/", views.appeal, name="appeal_add"),
    path("anslagstavla/", views.anslagstavla, name="anslagstavla"),
    path("verifiera/", views.verify, name="verify"),
]
