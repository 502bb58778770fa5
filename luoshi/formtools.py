"""Small helpers shared by the apps' forms and views."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render


def as_id(text: str) -> int | None:
    """`text` as a row id when it is one: ASCII digits within a 64-bit integer, else None.

    Not str.isdigit(): "²" and "٣" are digits to Python but "²" is no number to int(),
    and a 5,000-digit string is beyond what int() parses or a database holds.
    """
    if text and text.isascii() and text.isdigit() and len(text) <= 18:
        return int(text)
    return None


def attach_errors(form, error: ValidationError) -> None:
    """Show an action's ValidationError on the form: by field where the form has that field."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error)


def bad_request(error: ValidationError, request=None) -> HttpResponse:
    """A 400 that says what was wrong with a query parameter (e.g. `?at=0001-01-01`): a page
    in the site's layout when the request is given, else the message as plain text."""
    message = " ".join(error.messages)
    if request is None:
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    return render(request, "bad_request.html", {"message": message}, status=400)
