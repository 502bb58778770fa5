"""Django admin for publications: to look up what is public and who changed it.

What is published changes through the plan's public-page form (actions.set_publication),
so that each change is attributed and the cached public pages are forgotten; here
nothing is added, changed or deleted.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Publication


@admin.register(Publication)
class PublicationAdmin(SimpleHistoryAdmin):
    list_display = ["plan", "target", "is_active", "changed_by", "changed_at"]
    list_filter = ["is_active"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
