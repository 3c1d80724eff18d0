"""The language switch, at Django's own address (/i18n/setlang/, name "set_language"), outside the register's
namespace: federations.views.language_set also keeps the choice of a signed-in person."""

from django.urls import path

from federations import views

urlpatterns = [path("setlang/", views.language_set, name="set_language")]
