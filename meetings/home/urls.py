"""The start page's URL. Outside the "meetings" namespace: every page links to it as {% url 'home' %}."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
]
