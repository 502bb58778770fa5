"""Small helpers shared by the apps' forms and views."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render


def as_id(text: str) -> int | None:
    """`text` as a row id when it is one: ASCII digits within a 64-bit integer, else None.

    Not str.isdigit(): "²" and "٣" are digits to Python but "²" is no number to int(),
    and a 5,000-digit string is beyond what int() parses or a database holds.
    """
    if text and text.isascii() and text.isdigit() and len(text) <= 18:
        return int(text)
    return None


class IdsField(forms.Field):
    """Row ids posted under one name (checkboxes): the values that are ids, in order, each
    once; anything else ("x", "²", a 5,000-digit number) is no row and is left out. The
    view still keeps only the ids the person may choose."""

    widget = forms.MultipleHiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value) -> list[int]:
        values = value if isinstance(value, list | tuple) else [value] if value else []
        ids = (as_id(str(v)) for v in values)
        return list(dict.fromkeys(pk for pk in ids if pk is not None))


def attach_errors(form, error: ValidationError) -> None:
    """Show an action's ValidationError on the form: by field where the form has that field."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error)


def bad_post(form: forms.Form, request: HttpRequest | None = None) -> HttpResponse:
    """A 400 naming what was wrong with a post whose form is not valid. The page's own
    buttons and fields send valid values, so only a damaged or forged post gets here."""
    errors = "; ".join(
        f"{form.fields[name].label or name if name in form.fields else name}: "
        + " ".join(str(message) for message in e)
        for name, e in form.errors.items()
    )
    return bad_request(ValidationError(errors), request)


def bad_request(error: ValidationError, request: HttpRequest | None = None) -> HttpResponse:
    """A 400 that says what was wrong with a query parameter (e.g. `?at=0001-01-01`): a page
    in the site's layout when the request is given, else the message as plain text."""
    message = " ".join(error.messages)
    if request is None:
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    return render(request, "bad_request.html", {"message": message}, status=400)


PAGE_SIZE = 50


def paginate(request: HttpRequest, rows, per_page: int = PAGE_SIZE):
    """The page of `rows` that `?page=` asks for (the last one past the end, the first for
    nonsense), and the query string without the page, for the links of
    templates/includes/pagination.html. Two queries: the count and the page."""
    from django.core.paginator import Paginator

    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
