from django.contrib import admin

from .models import Bulletin, BulletinFile


@admin.register(Bulletin)
class BulletinAdmin(admin.ModelAdmin):
    """Read-only: bulletins change through the pages' actions (numbering, immutability)."""

    list_display = ("__str__", "plan", "at", "status", "issued_on")
    list_filter = ("status", "year")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BulletinFile)
class BulletinFileAdmin(admin.ModelAdmin):
    list_display = ("bulletin", "format", "state", "built_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
