from django.urls import path

from . import landing, views, views_cockpit, views_pages

urlpatterns = [
    path("", landing.home, name="home"),
    path("overview/", views.overview, name="overview"),
    path("units/<int:unit_id>/", views_pages.unit_detail, name="unit-detail"),
    path("plans/<int:plan_id>/", views_pages.plan_detail, name="plan-detail"),
    path("targets/<int:target_id>/", views_pages.target_detail, name="target-detail"),
    path("workbench/", views_pages.workbench, name="workbench"),
    path("cockpit/", views_cockpit.cockpit, name="cockpit"),
]
