"""Meetings in the admin: found and read here, written in the portal. A justerat or approved record cannot be
changed or deleted here either (the model layer and, on PostgreSQL, a trigger refuse it as well)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from finsam.admin import ReadOnlyAdmin
from meetings.printing.failures import failure_text

from .models import Anslag, Appeal, Meeting, ProtocolRevision, Signature, SignedDocument


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["date", "body", "record_kind", "status", "imported"]
    list_filter = ["status", "record_kind", "body__kind", "imported"]
    list_select_related = ["body__federation", "body__network"]
    search_fields = ["body__name", "body__federation__name", "place", "title"]
    date_hierarchy = "date"
    autocomplete_fields = ["chair", "secretary"]
    filter_horizontal = ["justerare"]
    readonly_fields = [
        "body",
        "date",
        "record_kind",
        "status",
        "justerad_at",
        "kallelse_sent_at",
        "reviewed_at",
        "reviewed_by",
    ]

    def has_add_permission(self, request):
        return False  # meetings are planned in the portal, where the agenda and attendance are set up

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.is_frozen)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_frozen)


class SignatureInline(admin.TabularInline):
    model = Signature
    extra = 0
    can_delete = False
    fields = ["person", "role", "status", "signed_at", "method", "reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ProtocolRevision)
class ProtocolRevisionAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "number", "kind", "created", "sha256"]
    list_select_related = ["meeting__body"]
    exclude = ["snapshot"]
    inlines = [SignatureInline]


@admin.register(SignedDocument)
class SignedDocumentAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "revision", "status", "attempts", "created", "sha256"]
    list_filter = ["status"]
    list_select_related = ["meeting__body", "revision"]
    readonly_fields = ["failure"]

    @admin.display(description=_("fel"))
    def failure(self, document):
        """The failure in the reader's language (stored as a code: meetings.printing.failures)."""
        return failure_text(document.error)


@admin.register(Anslag)
class AnslagAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "posted_on", "appeal_until"]
    list_select_related = ["meeting__body"]


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "paragraphs", "received_on", "court"]
    list_select_related = ["meeting__body"]
