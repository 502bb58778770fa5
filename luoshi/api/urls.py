"""The REST API under /api/v1/; any other address below it answers a JSON 404."""

from django.http import JsonResponse
from django.urls import path, re_path

from .api import api


def not_found(request, rest=""):
    return JsonResponse({"detail": "Not Found"}, status=404)


urlpatterns = [
    path("", api.urls),
    re_path(r"^(?P<rest>.*)$", not_found),
]
