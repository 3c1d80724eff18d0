"""Justering and the sealed PDF."""

from django.urls import path

from . import eid, views

urlpatterns = [
    path("moten/<int:pk>/justering/", views.justering_page, name="justering"),
    path("moten/<int:pk>/forhandsgranska/", views.preview, name="preview"),
    path("moten/<int:pk>/forhandsgranska/utkast.pdf", views.preview_pdf, name="preview_pdf"),
    path("moten/<int:pk>/justering/skicka/", views.send, name="justering_send"),
    path("moten/<int:pk>/justering/ta-tillbaka/", views.reopen, name="justering_reopen"),
    path("moten/<int:pk>/justering/skicka-tillbaka/", views.send_back, name="justering_send_back"),
    path("moten/<int:pk>/justering/signera/", views.sign, name="justering_sign"),
    path("moten/<int:pk>/justering/e-legitimation/", eid.sign_eid, name="justering_sign_eid"),
    path("e-legitimation/retur/", eid.eid_return, name="eid_return"),
    path("moten/<int:pk>/justering/utdrag/", views.send_extract, name="justering_send_extract"),
    path("moten/<int:pk>/protokollsutdrag-<int:number>.pdf", views.extract_pdf, name="extract_pdf"),
    path("moten/<int:pk>/justering/pdf-status/", views.document_status, name="justering_document"),
    path("moten/<int:pk>/justering/forsok-igen/", views.retry, name="justering_retry"),
    path(
        "moten/<int:pk>/justering/paragrafer/<int:item_pk>/kommentar/",
        views.comment,
        name="justering_comment",
    ),
    path("moten/<int:pk>/paragrafer/<int:item_pk>/rattelse/", views.correction, name="correction_add"),
    path("moten/<int:pk>/lagg-till-handlingarna/", views.approve, name="notes_approve"),
    path("moten/<int:pk>/protokoll.pdf", views.protocol_pdf, name="protocol_pdf"),
]
