from django.urls import path

app_name = "federations"
urlpatterns: list = []
