from django.urls import path

from . import views

urlpatterns = [
    path("overview/", views.overview, name="overview"),
    path("plans/", views.plan_list, name="plan-list"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan-detail"),
    path("plans/<int:plan_id>/rules/", views.plan_rules, name="plan-rules"),
    path("targets/<int:target_id>/", views.target_detail, name="target-detail"),
    path("targets/<int:target_id>/edit/", views.target_edit, name="target-edit"),
]
