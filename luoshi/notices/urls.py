from django.urls import path

from . import views

urlpatterns = [
    path("notices/", views.notice_list, name="notice-list"),
    path("notices/<int:notice_id>/read/", views.notice_read, name="notice-read"),
    path("notices/read-all/", views.notice_read_all, name="notice-read-all"),
    path("plans/<int:plan_id>/reminders/", views.reminder_rule, name="reminder-rule"),
]
