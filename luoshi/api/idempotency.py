"""Idempotency-Key: a POST carrying the header is carried out once per person and key.

The answer (status and JSON body) is stored in the same transaction as the
change it reports, in reporting.IdempotentRequest, unique on (person, key). A
retry with the same key gets the stored answer and changes nothing; the same
key on another route is refused with 422. Two requests racing with one key
both run, but only one can commit: the other hits the unique constraint, is
rolled back whole, and answers with the stored result.
"""

from __future__ import annotations

import functools
import json

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse

from luoshi.reporting.models import IdempotentRequest

from .auth import authenticate_request

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 100
REPLAYED_HEADER = "Idempotent-Replayed"
OPENAPI = {
    "in": "header",
    "name": HEADER,
    "required": False,
    "schema": {"type": "string", "maxLength": MAX_KEY_LENGTH},
    "description": "Carry the request out once: a retry with the same key replays the "
    "stored answer and changes nothing; the same key on another route is refused (422).",
}


def _route(request: HttpRequest) -> str:
    return f"{request.method} {request.path}"[:200]


def _replay(stored: IdempotentRequest, route: str) -> HttpResponse:
    if stored.route != route:
        return JsonResponse(
            {
                "detail": f"This Idempotency-Key was already used for another request "
                f"({stored.route}). Use a new key for each different request."
            },
            status=422,
        )
    response = JsonResponse(stored.body, status=stored.status_code, safe=False)
    response[REPLAYED_HEADER] = "true"
    return response


def stored_answer(user, key: str) -> IdempotentRequest | None:
    # get(), not first(): (user, key) is unique, so no ORDER BY (the model's ordering).
    try:
        return IdempotentRequest.objects.get(user=user, key=key)
    except IdempotentRequest.DoesNotExist:
        return None


def idempotent(run):
    """Wraps a ninja operation's `run` (use through ninja.decorators.decorate_view)."""

    @functools.wraps(run)
    def wrapper(request: HttpRequest, *args, **kwargs):
        key = request.headers.get(HEADER, "").strip()
        user = authenticate_request(request)
        if not key or user is None:
            return run(request, *args, **kwargs)
        if len(key) > MAX_KEY_LENGTH:
            return JsonResponse(
                {"detail": f"{HEADER} must be at most {MAX_KEY_LENGTH} characters."}, status=422
            )
        route = _route(request)
        stored = stored_answer(user, key)
        if stored is not None:
            return _replay(stored, route)
        try:
            with transaction.atomic():
                response = run(request, *args, **kwargs)
                if response.status_code < 500:
                    IdempotentRequest.objects.create(
                        user=user,
                        key=key,
                        route=route,
                        status_code=response.status_code,
                        body=json.loads(response.content or b"null"),
                    )
        except IntegrityError:
            stored = stored_answer(user, key)
            if stored is None:
                raise
            return _replay(stored, route)
        return response

    return wrapper
