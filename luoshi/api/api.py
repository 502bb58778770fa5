"""The REST API (/api/v1/): django-ninja, bearer tokens, the same access and actions as the pages.

The OpenAPI document is served at /api/v1/openapi.json. Ninja's interactive docs
page loads Swagger UI from a CDN, which government intranets forbid, so it is off.
"""

import json

from ninja import NinjaAPI
from ninja.parser import Parser

from luoshi.textclean import clean_data

from . import (
    errors,
    idempotency,
    routes_ledgers,
    routes_plans,
    routes_reports,
    routes_status,
    routes_targets,
    routes_units,
)
from .auth import TokenAuth
from .renderer import StrictJSONRenderer


class JsonParser(Parser):
    """JSON bodies; an empty body is an empty object, so `POST …/submit` needs no body.

    Every string is cleaned of control characters (luoshi.textclean) before a schema
    sees it: the one place all text of the API passes through. Query and form
    parameters reach the API through CleanTextMiddleware, already cleaned.
    """

    def parse_body(self, request):
        if not request.body.strip():
            return {}
        return clean_data(json.loads(request.body))


class LuoshiAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        """The OpenAPI document, with the Idempotency-Key header on every POST and the errors
        every operation can answer (errors.py), so that clients and the schema fuzzing test
        (tests/api/test_fuzz.py) know every status the API may give."""
        schema = super().get_openapi_schema(**kwargs)
        for operations in schema["paths"].values():
            if "post" in operations:
                operations["post"].setdefault("parameters", []).append(idempotency.OPENAPI)
            for operation in operations.values():
                _document_errors(operation)
        return schema


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _document_errors(operation: dict) -> None:
    """The error answers an operation can give, by what it takes (see errors.py)."""
    responses = operation.setdefault("responses", {})
    parameters = operation.get("parameters", [])
    if operation.get("security"):
        responses.setdefault(401, _error("No valid token"))
    if any(p.get("in") == "path" for p in parameters):
        responses.setdefault(404, _error("Missing, or not visible to this person"))
    if "requestBody" in operation:
        responses.setdefault(400, _error("The body cannot be parsed"))
    if any(p.get("name") == "cursor" for p in parameters):
        responses.setdefault(400, _error("The cursor is not one this list gave"))
    if parameters or "requestBody" in operation:
        responses.setdefault(422, _error("Bad input"))


api = LuoshiAPI(
    parser=JsonParser(),
    renderer=StrictJSONRenderer(),
    title="luoshi API",
    version="1",
    description="落实: plans, targets, reports and their status. See docs/api.md.",
    auth=TokenAuth(),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url=None,
)
errors.install(api)
for module in (
    routes_units,
    routes_plans,
    routes_targets,
    routes_reports,
    routes_status,
    routes_ledgers,
):
    api.add_router("", module.router)
