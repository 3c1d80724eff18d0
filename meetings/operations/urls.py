from django.urls import path

from . import views

urlpatterns = [
    path("driftstatus/", views.status_page, name="operations_status"),
]
