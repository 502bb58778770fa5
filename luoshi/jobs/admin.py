from django.contrib import admin

from .models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("pk", "title", "kind", "state", "user", "done", "total", "created_at")
    list_filter = ("kind", "state")
    search_fields = ("title", "user__username")
    readonly_fields = [f.name for f in Job._meta.fields]
    list_select_related = ("user",)
