from django.urls import path

from . import views, views_edit

urlpatterns = [
    path("plans/", views.plan_list, name="plan-list"),
    path("plans/new/", views_edit.plan_new, name="plan-new"),
    path("plans/<int:plan_id>/tasks/new/", views_edit.task_new, name="task-new"),
    path("plans/<int:plan_id>/targets/new/", views_edit.target_new, name="target-new"),
    path("targets/<int:target_id>/parts/new/", views_edit.target_ask_part, name="target-ask-part"),
    path("plans/<int:plan_id>/rules/", views.plan_rules, name="plan-rules"),
    path("targets/<int:target_id>/edit/", views.target_edit, name="target-edit"),
]
