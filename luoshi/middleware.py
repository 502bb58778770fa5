"""Response headers that Django 5.2 does not set by itself, and submitted text cleaned."""

from django.conf import settings

from luoshi.textclean import clean_text


class ContentSecurityPolicyMiddleware:
    """Adds the Content-Security-Policy header: only our own static files may load."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class CleanTextMiddleware:
    """Every form field and query parameter reaches the views with its text cleaned.

    Control characters mean nothing in a note or a name, and break what is made of
    the text later (an .xlsx export, PostgreSQL for NUL): luoshi.textclean says which
    are dropped. Cleaning the submitted data here is the one place every form of
    every page passes through, present and future; the API's JSON bodies are cleaned
    by its parser (luoshi.api.api), imported files by their readers. Passwords are
    left exactly as typed: they are compared, never shown or exported.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _cleaned(request.GET)
        if request.method == "POST" and request.content_type in FORM_TYPES:
            request.POST = _cleaned(request.POST)
        return self.get_response(request)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _cleaned(data):
    """A copy of the QueryDict `data` with its text cleaned (the same object if clean)."""
    if not any(
        clean_text(value) != value
        for key, values in data.lists()
        if "password" not in key
        for value in values
    ):
        return data
    copy = data.copy()
    for key, values in data.lists():
        if "password" not in key:
            copy.setlist(key, [clean_text(value) for value in values])
    copy._mutable = False  # as Django hands it to views
    return copy
