"""Bearer-token authentication. Sessions are not accepted: the API has no CSRF exposure."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from .models import ApiToken

TOKEN_START = "ls_"  # noqa: S105 - the public prefix every token starts with, not a secret
PREFIX_LENGTH = 11  # "ls_" and eight random characters: enough to tell tokens apart
# last_used_at is written at most this often per token, not on every request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def issue_token(user, name: str = "") -> tuple[ApiToken, str]:
    """A new token for `user`: the row, and the token itself (shown once, never stored)."""
    raw = TOKEN_START + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=raw[:PREFIX_LENGTH], key_hash=hash_token(raw)
    )
    return token, raw


def user_for_token(raw: str):
    """The active person holding the unrevoked token `raw`, or None."""
    if not raw or not raw.startswith(TOKEN_START) or len(raw) > 200:
        return None
    # get(), not first(): the hash is unique, so no ORDER BY (the model's ordering) to
    # build and sort on every request.
    try:
        token = ApiToken.objects.select_related("user").get(
            key_hash=hash_token(raw), revoked_at__isnull=True
        )
    except ApiToken.DoesNotExist:
        return None
    if not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


_NOT_YET = object()


def authenticate_request(request: HttpRequest):
    """The person of the request's bearer token, or None; computed once per request."""
    cached = getattr(request, "_luoshi_api_user", _NOT_YET)
    if cached is not _NOT_YET:
        return cached
    user = None
    header = request.headers.get("Authorization", "")
    scheme, _, raw = header.partition(" ")
    if scheme.lower() == "bearer":
        user = user_for_token(raw.strip())
    vars(request)["_luoshi_api_user"] = user  # the cache read above
    if user is not None:
        # Actions and the history middleware read request.user.
        request.user = user
    return user


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`; a revoked token or an inactive person gets 401."""

    def __call__(self, request: HttpRequest):
        return authenticate_request(request)

    def authenticate(self, request: HttpRequest, token: str):  # pragma: no cover - via __call__
        return authenticate_request(request)
