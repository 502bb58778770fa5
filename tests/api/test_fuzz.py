"""Schemathesis over /api/v1/openapi.json, as each persona: no 5xx, every answer as documented.

The API is called in-process through Django's WSGI application (no server), on the
test database. Every generated case runs in a transaction that is rolled back, so
each persona meets the same data and the run stays bounded. Path parameters are
mapped onto objects that exist (the generated integer picks one of them), so the
generated bodies reach the actions instead of stopping at a 404.

Checks: no 5xx; the status code and the body are those the document declares; and
the body is strict JSON (RFC 8259 has no NaN or Infinity, which Python's json module
would otherwise read without complaint).
"""

from __future__ import annotations

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from luoshi.api.api import api
from tests.api.conftest import ApiCity
from tests.ledgers.rows import add_ledger_rows

# Examples per operation and persona. 43 operations × 5 personas × this many cases
# take about a minute per database on the 2-core CI machine.
EXAMPLES = 8

# Who fuzzes: the supervisor (may do everything), a reporter and an approver (their own
# unit's rows), the leader (reads all, writes nothing) and someone without a token.
FUZZ_PERSONAS = ["supervisor", "commerce-reporter", "housing-approver", "leader", None]


@schemathesis.check
def strict_json(ctx, response, case):
    """A JSON body must parse without NaN or Infinity (Python's json module accepts them)."""
    if "json" not in (response.headers.get("content-type") or [""])[0]:
        return None

    def refuse(constant):
        raise AssertionError(f"the body is not JSON: it holds {constant}")

    json.loads(response.content, parse_constant=refuse)
    return True


@pytest.fixture
def fuzz_city(api_city) -> ApiCity:
    add_ledger_rows(api_city)
    return api_city


def _operations() -> list[str]:
    """Every operation of the document, as Schemathesis labels them ("GET /api/v1/units")."""
    document = api.get_openapi_schema()
    return [
        f"{method.upper()} {path}"
        for path, operations in document["paths"].items()
        for method in operations
    ]


@pytest.fixture
def served_schema(db, settings):
    """The document as /api/v1/openapi.json serves it, read through the WSGI application."""
    # Schemathesis's WSGI transport sends Host: localhost.
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    # The WSGI handler closes "old" connections at each request's start and end, and inside
    # the test's transaction that is the test's own connection (PostgreSQL would lose it).
    # Django's test client stops this the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _objects(c: ApiCity) -> dict[str, list[int]]:
    """The ids a path parameter may take: objects of every state and of several units."""
    item = c.plan.import_items.first()
    return {
        "unit_id": [c.commerce.pk, c.housing_team.pk, c.city.pk],
        "plan_id": [c.plan.pk],
        "item_id": [item.pk] if item else [0],
        "target_id": [c.signed.pk, c.policy.pk, c.sales.pk, c.hazards.pk],
        "report_id": [c.draft.pk, c.submitted.pk, c.approved.pk, c.team_draft.pk],
        "project_id": [c.project.pk],
        "hazard_id": [c.hazard.pk, c.major.pk, c.housing_hazard.pk],
    }


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    strict_json,
]


@pytest.mark.parametrize("persona", FUZZ_PERSONAS, ids=lambda p: p or "anonymous")
def test_the_api_answers_every_generated_request_as_documented(persona, served_schema, fuzz_city):
    """Each operation in turn (one city and one document for them all: building them is the
    slow part); every failure is kept, so one run names every operation that fails."""
    objects = _objects(fuzz_city)
    headers = {}
    if persona is not None:
        headers["Authorization"] = f"Bearer {fuzz_city.tokens[persona]}"
    labels = _operations()
    assert labels, "the document lists no operation"
    failures = []
    for label in labels:
        operation = served_schema.find_operation_by_label(label)
        assert operation is not None, f"{label} is not in the served document"
        try:
            _fuzz(operation, objects, headers)
        # Schemathesis reports check failures as a BaseExceptionGroup.
        except (Exception, BaseExceptionGroup) as error:  # each is reported at the end
            failures.append(f"{label}: {str(error)[:2000]}")
    assert not failures, f"{len(failures)} of {len(labels)} operations failed:\n\n" + "\n\n".join(
        failures
    )


def _fuzz(operation, objects: dict[str, list[int]], headers: dict[str, str]) -> None:
    strategy = operation.as_strategy(
        generation_mode=GenerationMode.POSITIVE
    ) | operation.as_strategy(generation_mode=GenerationMode.NEGATIVE)

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        # Shrinking would repeat requests without bound; the failing case is printed as sent.
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def call(case):
        for name, value in (case.path_parameters or {}).items():
            if name in objects and isinstance(value, int):
                case.path_parameters[name] = objects[name][value % len(objects[name])]
        with transaction.atomic():
            response = case.call(headers=headers)
            transaction.set_rollback(True)
        case.validate_response(response, checks=CHECKS, headers=headers)

    call()


# --- what the fuzzing found, kept as plain regression tests --------------------------------


def test_a_post_to_an_unknown_api_address_gets_the_json_404_not_the_csrf_page(api_city):
    response = api_city.api("supervisor").post("/no/such/thing", {})
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_an_api_address_with_a_newline_gets_the_json_404(api_city):
    response = api_city.api("supervisor").post("/reports/1%0A2/submit")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_a_target_patch_with_a_null_schedule_clears_the_schedule(api_city):
    target = api_city.signed
    target.schedule = [["2025-06-30", 0.5]]
    target.save()
    response = api_city.api("supervisor").patch(f"/targets/{target.pk}", {"schedule": None})
    assert response.status_code == 200, response.content
    assert response.json()["schedule"] == []
    target.refresh_from_db()
    assert target.schedule == []


def test_a_target_patch_with_nulls_empties_blank_texts_and_refuses_required_fields(api_city):
    """Found by the fuzzer: `unit_label: null` passed validation (a blank field's empty
    value is not checked) and the database refused the row, a 500."""
    target = api_city.signed
    client = api_city.api("supervisor")
    nulls = {"unit_label": None, "cadence": None, "source_snippet": None, "part_of": None}
    response = client.patch(f"/targets/{target.pk}", nulls)
    assert response.status_code == 200, response.content
    target.refresh_from_db()
    assert (target.unit_label, target.cadence, target.source_snippet) == ("", "", "")
    for name in ("name", "kind", "comparator", "start", "end", "due_day"):
        response = client.patch(f"/targets/{target.pk}", {name: None})
        assert response.status_code == 422, (name, response.content)
        assert name in response.json()["errors"]


class _Answer:
    """The little of a Schemathesis response that strict_json reads."""

    def __init__(self, body: bytes, content_type: str = "application/json"):
        self.content = body
        self.headers = {"content-type": [content_type]}


def test_the_strict_json_check_refuses_infinity_and_nan_and_passes_json():
    for body in (b'{"value": Infinity}', b'{"value": -Infinity}', b"[NaN]"):
        with pytest.raises(AssertionError, match="not JSON"):
            strict_json(None, _Answer(body), None)
    assert strict_json(None, _Answer(b'{"value": 1e308}'), None) is True
    assert strict_json(None, _Answer(b"<html>", "text/html"), None) is None
