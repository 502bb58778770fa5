"""The API personas: the persona city, each person with a token, and a client per person."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from luoshi.api.auth import issue_token
from luoshi.orgs.models import User
from luoshi.reporting import actions as reporting
from tests.personas import PERSONAS, PlanCity

BASE = "/api/v1"


class Api:
    """Calls the API as one persona (None: without a token)."""

    def __init__(self, token: str | None):
        self.client = Client(enforce_csrf_checks=True)
        self.token = token

    def call(self, method: str, path: str, body=None, **headers):
        headers.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
        if self.token:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {self.token}"
        data = "" if body is None else json.dumps(body)
        kwargs = {"data": data, "content_type": "application/json"} if method != "get" else {}
        return getattr(self.client, method)(BASE + path, **kwargs, **headers)

    def get(self, path, **headers):
        return self.call("get", path, **headers)

    def post(self, path, body=None, **headers):
        return self.call("post", path, body, **headers)

    def patch(self, path, body=None, **headers):
        return self.call("patch", path, body, **headers)


class ApiCity(PlanCity):
    """PlanCity with a token per person and commerce reports in each state.

    Reports of `signed` (commerce): `draft`, `submitted` and `approved`; the
    team's `team_draft` of `hazards`.
    """

    def __init__(self):
        from datetime import date

        from luoshi.plans.models import Task

        super().__init__()
        self.tokens = {
            name: issue_token(User.objects.get(username=name), "tests")[1]
            for name in PERSONAS
            if name is not None
        }
        self.task = Task.objects.create(
            plan=self.plan, title="扩大有效投资", lead_unit=self.commerce, position=1
        )
        self.signed.task = self.task
        self.signed.save()
        cr, ca, tr = self.commerce_reporter, self.commerce_approver, self.team_reporter
        self.approved = reporting.create_report(self.signed, cr, as_of=date(2025, 4, 30), value=15)
        reporting.submit_report(self.approved, cr)
        reporting.approve_report(self.approved, ca)
        self.submitted = reporting.create_report(self.signed, cr, as_of=date(2025, 5, 31), value=20)
        reporting.submit_report(self.submitted, cr)
        self.draft = reporting.create_report(self.signed, cr, as_of=date(2025, 6, 30), value=24)
        self.team_draft = reporting.create_report(
            self.hazards, tr, as_of=date(2025, 6, 30), value=2
        )

    def api(self, persona: str | None) -> Api:
        return Api(self.tokens.get(persona) if persona else None)


@pytest.fixture
def api_city(db, settings, tmp_path) -> ApiCity:
    """ApiCity with "today" fixed at 2025-07-15 and uploads kept in a temporary directory."""
    from datetime import date

    settings.LUOSHI_TODAY = date(2025, 7, 15)
    settings.MEDIA_ROOT = tmp_path / "media"
    return ApiCity()
