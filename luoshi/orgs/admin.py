"""Django admin for units and people. Nothing is deleted here either: deactivate."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Membership, Unit, User


class NoDeleteMixin:
    def has_delete_permission(self, request, obj=None):
        return False


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["unit"]

    def has_delete_permission(self, request, obj=None):
        # A membership ends by deleting it; the history keeps the record.
        return True


@admin.register(Unit)
class UnitAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ["name", "short_name", "code", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "code"]
    autocomplete_fields = ["parent"]


@admin.register(User)
class UserAdmin(NoDeleteMixin, SimpleHistoryAdmin, BaseUserAdmin):
    list_display = ["username", "full_name", "email", "is_active", "is_staff"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("luoshi"), {"fields": ["full_name", "phone"]}),
    )
    inlines = [MembershipInline]
