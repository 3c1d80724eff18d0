"""Administrators set up networks, federations, member organisations, people, bodies, mandates and projects.

Mandates and memberships end, they are never deleted: the register keeps its history.
"""

from django.contrib import admin

from .models import (
    Body,
    Federation,
    Mandate,
    MemberOrganisation,
    Membership,
    Network,
    Person,
    Project,
    ProjectResult,
    StaffRole,
)


class NoDeleteMixin:
    def has_delete_permission(self, request, obj=None):
        return False


class MembershipInline(NoDeleteMixin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Federation)
class FederationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "network"]
    list_filter = ["network"]
    list_select_related = ["network"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [MembershipInline]


@admin.register(MemberOrganisation)
class MemberOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "party", "title", "email", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "email"]
    autocomplete_fields = ["user"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "federation", "network", "kind", "record_kind", "numbering"]
    list_filter = ["kind", "record_kind", "numbering", "network"]
    list_select_related = ["federation", "network"]
    search_fields = ["name", "federation__name", "network__name"]
    autocomplete_fields = ["federation", "network"]


@admin.register(Mandate)
class MandateAdmin(NoDeleteMixin, admin.ModelAdmin):
    list_display = ["person", "role", "body", "organisation", "start", "end"]
    list_filter = ["role", "body__kind"]
    list_select_related = ["person", "body__federation", "body__network", "organisation"]
    search_fields = ["person__name", "body__name", "body__federation__name"]
    autocomplete_fields = ["person", "body", "organisation", "represents", "substitute_for"]
    date_hierarchy = "start"


@admin.register(StaffRole)
class StaffRoleAdmin(admin.ModelAdmin):
    list_display = ["person", "role", "federation", "network"]
    list_filter = ["role"]
    list_select_related = ["person", "federation", "network"]
    autocomplete_fields = ["person", "federation", "network"]


class ProjectResultInline(admin.TabularInline):
    model = ProjectResult
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "kind", "status", "funding", "start", "end"]
    list_filter = ["status", "kind", "funding"]
    list_select_related = ["owner"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["owner", "participants", "lead"]
    inlines = [ProjectResultInline]
