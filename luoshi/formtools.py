"""Small helpers shared by the apps' forms and views."""

from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest


def attach_errors(form, error: ValidationError) -> None:
    """Show an action's ValidationError on the form: by field where the form has that field."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error)


def bad_request(error: ValidationError) -> HttpResponseBadRequest:
    """A 400 that says what was wrong with a query parameter (e.g. `?at=0001-01-01`)."""
    return HttpResponseBadRequest(
        " ".join(error.messages), content_type="text/plain; charset=utf-8"
    )
