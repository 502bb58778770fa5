"""The REST API under /api/v1/."""

from django.urls import path

from .api import api

urlpatterns = [path("", api.urls)]
