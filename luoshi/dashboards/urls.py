from django.urls import path

from . import views, views_cockpit

urlpatterns = [
    path("overview/", views.overview, name="overview"),
    path("cockpit/", views_cockpit.cockpit, name="cockpit"),
    path("cockpit/export.xlsx", views_cockpit.cockpit_export, name="cockpit-export"),
]
