"""Every error is JSON: {"detail": "..."}, and for bad input also {"errors": {field: [...]}}.

| status | when |
| --- | --- |
| 401 | no token, an unknown or revoked token, an inactive person |
| 403 | a visible object, but an action this person may not take |
| 404 | a missing object, or one this person may not see (they look the same) |
| 409 | a stale `revision`: someone else changed the report since it was read; a correction of a report someone has already started |
| 422 | bad input: wrong types, missing fields, rules of the domain |
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

from luoshi.reporting.actions import Conflict

# Where a request's part is named in ninja's error locations; the field is what follows.
_SOURCES = {"body", "query", "path", "header", "form", "file", "cookie"}


def field_errors(error: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {
            ("non_field_errors" if field == "__all__" else field): [str(m) for m in messages]
            for field, messages in error.message_dict.items()
        }
    return {"non_field_errors": [str(m) for m in error.messages]}


def _detail(errors: dict[str, list[str]]) -> str:
    parts = []
    for field, messages in errors.items():
        text = " ".join(messages)
        parts.append(text if field == "non_field_errors" else f"{field}: {text}")
    return "; ".join(parts)


def install(api: NinjaAPI) -> None:
    @api.exception_handler(AuthenticationError)
    def unauthorised(request, exc):
        return api.create_response(
            request,
            {"detail": "Authentication required: send Authorization: Bearer <token>."},
            status=401,
        )

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        detail = str(exc) or _("You may not do this.")
        return api.create_response(request, {"detail": detail}, status=403)

    @api.exception_handler(Conflict)
    def conflict(request, exc):
        detail = f"{exc} Read the report again and send its current revision."
        return api.create_response(request, {"detail": detail}, status=409)

    @api.exception_handler(DjangoValidationError)
    def invalid(request, exc):
        errors = field_errors(exc)
        return api.create_response(
            request, {"detail": _detail(errors), "errors": errors}, status=422
        )

    @api.exception_handler(NinjaValidationError)
    def malformed(request, exc):
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            loc = [str(part) for part in error.get("loc", ())]
            if loc and loc[0] in _SOURCES:
                # ["body", "payload", "value"]: drop the source and the parameter's name.
                loc = loc[2:] if loc[0] == "body" and len(loc) > 2 else loc[1:]
            field = ".".join(loc) or "non_field_errors"
            errors.setdefault(field, []).append(str(error.get("msg", "invalid")))
        return api.create_response(
            request, {"detail": _detail(errors), "errors": errors}, status=422
        )
