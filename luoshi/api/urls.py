"""The REST API under /api/v1/; any other address below it answers a JSON 404."""

from django.http import JsonResponse
from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt

from .api import api


# The API takes no sessions, so CSRF does not apply: without the exemption a POST to an
# unknown address would get Django's HTML 403 page instead of the API's JSON 404.
@csrf_exempt
def not_found(request, rest=""):
    return JsonResponse({"detail": "Not Found"}, status=404)


urlpatterns = [
    path("", api.urls),
    # [\s\S]: "." stops at a newline, and an address with %0A would get Django's HTML 404.
    re_path(r"^(?P<rest>[\s\S]*)$", not_found),
]
