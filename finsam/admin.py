"""The Django admin: administrators set up the register here; the record of a meeting is only read."""

from django.contrib import admin

from .models import AuditEntry


class ReadOnlyAdmin(admin.ModelAdmin):
    """For what the portal writes and nobody may edit by hand: signatures, revisions, the audit trail."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["created", "action", "actor", "federation", "object_type", "object_id"]
    list_filter = ["action", "federation"]
    list_select_related = ["actor", "federation"]
    date_hierarchy = "created"
