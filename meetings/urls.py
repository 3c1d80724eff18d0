from django.urls import path

from . import views, views_import, views_justering, views_register

app_name = "meetings"

urlpatterns = [
    # Drafting
    path("moten/", views.meeting_list, name="meeting_list"),
    path("moten/importera/", views_import.import_upload, name="import_upload"),
    path("moten/importera/<str:upload_id>/", views_import.import_review, name="import_review"),
    path("moten/nytt/", views.meeting_create, name="meeting_create"),
    path("moten/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("moten/<int:pk>/andra/", views.meeting_edit, name="meeting_edit"),
    path("moten/<int:pk>/kallelse/", views.notice_send, name="notice_send"),
    path("moten/<int:pk>/kallelse.ics", views.meeting_ics, name="meeting_ics"),
    path("moten/<int:pk>/narvaro/", views.attendance, name="attendance"),
    path("moten/<int:pk>/narvaro/<int:attendance_pk>/", views.attendance, name="attendance_edit"),
    path("moten/<int:pk>/narvaro/tjanstgor/", views.attendance_serve, name="attendance_serve"),
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
    # Justering, the signed PDF, the notice board and verification
    path("moten/<int:pk>/justering/", views_justering.justering_page, name="justering"),
    path("moten/<int:pk>/forhandsgranska/", views_justering.preview, name="preview"),
    path("moten/<int:pk>/justering/skicka/", views_justering.send, name="justering_send"),
    path("moten/<int:pk>/justering/ta-tillbaka/", views_justering.reopen, name="justering_reopen"),
    path("moten/<int:pk>/justering/skicka-tillbaka/", views_justering.send_back, name="justering_send_back"),
    path("moten/<int:pk>/justering/signera/", views_justering.sign, name="justering_sign"),
    path("moten/<int:pk>/justering/utdrag/", views_justering.send_extract, name="justering_send_extract"),
    path("moten/<int:pk>/protokollsutdrag-<int:number>.pdf", views_justering.extract_pdf, name="extract_pdf"),
    path("moten/<int:pk>/justering/granskad/", views_justering.review, name="justering_review"),
    path("moten/<int:pk>/justering/pdf-status/", views_justering.document_status, name="justering_document"),
    path("moten/<int:pk>/justering/forsok-igen/", views_justering.retry, name="justering_retry"),
    path(
        "moten/<int:pk>/justering/paragrafer/<int:item_pk>/kommentar/",
        views_justering.comment,
        name="justering_comment",
    ),
    path("moten/<int:pk>/paragrafer/<int:item_pk>/rattelse/", views_justering.correction, name="correction_add"),
    path("moten/<int:pk>/overklagande/", views_justering.appeal, name="appeal_add"),
    path("moten/<int:pk>/lagg-till-handlingarna/", views_justering.approve, name="notes_approve"),
    path("moten/<int:pk>/protokoll.pdf", views_justering.protocol_pdf, name="protocol_pdf"),
    path("anslagstavla/", views_justering.notice_board, name="notice_board"),
    path("verifiera/", views_justering.verify, name="verify"),
    # Decision register
    path("beslut/", views_register.decision_list, name="decision_list"),
    path("beslut/export.csv", views_register.export_csv, name="decision_export_csv"),
    path("beslut/export.xlsx", views_register.export_xlsx, name="decision_export_xlsx"),
    path("uppdrag/", views_register.assignments, name="assignments"),
]
