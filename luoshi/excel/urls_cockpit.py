"""The cockpit's export, at the cockpit's own address (cockpit/export.xlsx)."""

from django.urls import path

from . import cockpit

urlpatterns = [
    path("cockpit/export.xlsx", cockpit.cockpit_export, name="cockpit-export"),
]
