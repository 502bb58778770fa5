"""Tokens: issued and revoked by `luoshi token`, stored as hashes, the only way in."""

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from luoshi.api.auth import issue_token
from luoshi.api.models import ApiToken
from tests.api.conftest import Api


def _token(out: StringIO) -> str:
    return out.getvalue().strip()


def test_token_create_prints_the_token_once_and_stores_only_its_hash(api_city):
    out, err = StringIO(), StringIO()
    call_command(
        "token", "create", "commerce-reporter", "--name", "月报脚本", stdout=out, stderr=err
    )
    raw = _token(out)
    token = ApiToken.objects.get(name="月报脚本")
    assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw.startswith(token.prefix) and len(token.prefix) < len(raw) // 3
    assert raw not in {getattr(token, f.attname) for f in ApiToken._meta.fields}
    assert token.prefix in err.getvalue()
    response = Api(raw).get("/units")
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_revoked_token_is_refused(api_city):
    token, raw = issue_token(api_city.commerce_reporter, "old laptop")
    assert Api(raw).get("/units").status_code == 200
    out = StringIO()
    call_command("token", "revoke", token.prefix, stdout=out)
    assert "Revoked" in out.getvalue()
    response = Api(raw).get("/units")
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Authentication required: send Authorization: Bearer <token>."
    }
    assert Api(raw).post(f"/reports/{api_city.draft.pk}/submit").status_code == 401
    api_city.draft.refresh_from_db()
    assert api_city.draft.status == "draft"


def test_revoke_by_id_and_list(api_city):
    token, _ = issue_token(api_city.leader, "dashboard")
    call_command("token", "revoke", str(token.pk), stdout=StringIO())
    out = StringIO()
    call_command("token", "list", "leader", stdout=out)
    assert token.prefix in out.getvalue() and "REVOKED" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("token", "revoke", "ls_nothing", stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("token", "create", "nobody", stdout=StringIO())


def test_an_inactive_persons_token_is_refused(api_city):
    raw = api_city.tokens["commerce-reporter"]
    api_city.commerce_reporter.is_active = False
    api_city.commerce_reporter.save()
    assert Api(raw).get("/units").status_code == 401


@pytest.mark.parametrize(
    "header", ["", "Bearer", "Bearer nonsense", "Token {raw}", "Basic {raw}", "Bearer {raw}x"]
)
def test_malformed_or_unknown_credentials_are_refused(api_city, header):
    raw = api_city.tokens["supervisor"]
    response = Api(None).get("/units", HTTP_AUTHORIZATION=header.format(raw=raw))
    assert response.status_code == 401


def test_a_signed_in_session_is_not_accepted(api_city):
    api = Api(None)
    api.client.force_login(api_city.commerce_reporter)
    assert api.get("/units").status_code == 401
    assert api.post(f"/reports/{api_city.draft.pk}/submit").status_code == 401


def test_token_requests_need_no_csrf_token(api_city):
    """The client enforces CSRF checks; a bearer token is not a cookie, so none is needed."""
    response = api_city.api("commerce-reporter").post(f"/reports/{api_city.draft.pk}/submit")
    assert response.status_code == 200
