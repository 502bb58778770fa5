"""Django admin for the ledgers: to look things up, not to change them.

Rows change through the pages, the API and the import, which call the actions so
that every stage and status change is a dated event with its author. Here
nothing is added, changed or deleted.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Hazard, HazardEvent, HazardPhoto, Measure, Project, StageEvent


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StageEventInline(ReadOnlyMixin, admin.TabularInline):
    model = StageEvent
    extra = 0
    fields = readonly_fields = ("date", "stage", "note", "recorded_by", "recorded_at")


class HazardEventInline(ReadOnlyMixin, admin.TabularInline):
    model = HazardEvent
    extra = 0
    fields = readonly_fields = ("date", "status", "note", "recorded_by", "recorded_at")


class HazardPhotoInline(ReadOnlyMixin, admin.TabularInline):
    model = HazardPhoto
    extra = 0
    fields = readonly_fields = ("moment", "uploaded_by", "uploaded_at")


@admin.register(Project)
class ProjectAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["name", "investor", "unit", "stage", "dropped_on", "planned_amount"]
    list_filter = ["stage", "industry_chain"]
    search_fields = ["name", "investor"]
    list_select_related = ["unit"]
    inlines = [StageEventInline]


@admin.register(Hazard)
class HazardAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["place", "domain", "level", "unit", "found_on", "deadline", "status"]
    list_filter = ["status", "level", "domain", "place_kind"]
    search_fields = ["place", "description"]
    list_select_related = ["unit"]
    date_hierarchy = "found_on"
    inlines = [HazardEventInline, HazardPhotoInline]


@admin.register(Measure)
class MeasureAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["target", "source", "aggregate", "field"]
    list_filter = ["source", "aggregate"]
    list_select_related = ["target"]
