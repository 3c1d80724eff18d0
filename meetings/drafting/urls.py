"""Drafting: meetings, the agenda and the minutes editor, attendance, decisions, the kallelse."""

from django.urls import path

from . import views

urlpatterns = [
    path("moten/", views.meeting_list, name="meeting_list"),
    path("moten/nytt/", views.meeting_create, name="meeting_create"),
    path("moten/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("moten/<int:pk>/andra/", views.meeting_edit, name="meeting_edit"),
    path("moten/<int:pk>/kallelse/", views.kallelse_send, name="kallelse_send"),
    path("moten/<int:pk>/kallelse.ics", views.meeting_ics, name="meeting_ics"),
    path("moten/<int:pk>/kallelse.pdf", views.kallelse_pdf, name="kallelse_pdf"),
    path("moten/<int:pk>/narvaro/", views.attendance, name="attendance"),
    path("moten/<int:pk>/narvaro/<int:attendance_pk>/", views.attendance, name="attendance_edit"),
    path("moten/<int:pk>/narvaro/tjanstgor/", views.attendance_serve, name="attendance_serve"),
    path("moten/<int:pk>/narvaro/fran-registret/", views.attendance_refresh, name="attendance_refresh"),
    path("moten/<int:pk>/anmal-forhinder/", views.absence_report, name="absence_report"),
    path("moten/<int:pk>/bilagor/", views.attachment_add, name="attachment_add"),
    path("moten/<int:pk>/bilagor/<int:attachment_pk>/", views.attachment_download, name="attachment_download"),
    path("moten/<int:pk>/paragrafer/", views.item_add, name="item_add"),
    path("moten/<int:pk>/paragrafer/<int:item_pk>/text/", views.item_save_text, name="item_save_text"),
    path("moten/<int:pk>/paragrafer/<int:item_pk>/flytta/", views.item_move, name="item_move"),
    path("moten/<int:pk>/paragrafer/<int:item_pk>/ta-bort/", views.item_delete, name="item_delete"),
    path("moten/<int:pk>/paragrafer/<int:item_pk>/detaljer/", views.item_details, name="item_details"),
    path("moten/<int:pk>/paragrafer/<int:item_pk>/historik/", views.item_history, name="item_history"),
    path(
        "moten/<int:pk>/paragrafer/<int:item_pk>/historik/<int:revision_pk>/aterstall/",
        views.item_restore,
        name="item_restore",
    ),
    path("moten/<int:pk>/paragrafer/<int:item_pk>/jav/", views.recusal, name="recusal"),
    path("moten/<int:pk>/paragrafer/<int:item_pk>/beslut/", views.decision_edit, name="decision_add"),
    path(
        "moten/<int:pk>/paragrafer/<int:item_pk>/beslut/<int:decision_pk>/", views.decision_edit, name="decision_edit"
    ),
    path(
        "moten/<int:pk>/paragrafer/<int:item_pk>/beslut/<int:decision_pk>/reservation/",
        views.decision_reservation,
        name="decision_reservation",
    ),
    path(
        "moten/<int:pk>/paragrafer/<int:item_pk>/beslut/<int:decision_pk>/roster/",
        views.decision_votes,
        name="decision_votes",
    ),
    path(
        "moten/<int:pk>/paragrafer/<int:item_pk>/beslut/<int:decision_pk>/ta-bort/",
        views.decision_delete,
        name="decision_delete",
    ),
    path("moten/<int:pk>/paragrafer/<int:item_pk>/uppdrag/", views.assignment_add, name="assignment_add"),
    path(
        "moten/<int:pk>/paragrafer/<int:item_pk>/uppdrag/<int:assignment_pk>/",
        views.assignment_follow_up,
        name="assignment_follow_up",
    ),
    path("moten/<int:pk>/paragrafer/<int:item_pk>/bilagor/", views.attachment_add, name="item_attachment_add"),
]
