"""One check of a reading's value for every path: the form, the API and the 一表通 upload
(issue 10: Infinity through 一表通, 1.7e308 through the API, negative cumulative values,
`"value": true`). A refused value names its field and changes nothing.
"""

import json
import math
from datetime import date

import pytest

from luoshi.reporting import actions
from luoshi.reporting.models import Report
from tests.api.conftest import Api
from tests.excel import test_workbook as wb

BAD_CUMULATIVE = [
    (1.7e308, "between -10^15 and 10^15"),
    (1e16, "between -10^15 and 10^15"),
    (-5, "A cumulative total cannot be negative."),
]


def _strict(response) -> dict:
    """The body as strict JSON: NaN and Infinity are not JSON."""

    def refuse(constant):
        raise AssertionError(f"the body holds {constant}")

    return json.loads(response.content, parse_constant=refuse)


@pytest.fixture
def c(plan_city, settings):
    settings.LANGUAGE_CODE = "en"
    return plan_city


def _api(c, persona):
    from luoshi.api.auth import issue_token
    from luoshi.orgs.models import User

    return Api(issue_token(User.objects.get(username=persona), "tests")[1])


# --- the API --------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "words"), BAD_CUMULATIVE)
def test_api_refuses_a_bad_cumulative_value_naming_the_field(c, value, words):
    response = _api(c, "commerce-reporter").post(
        "/reports", {"target": c.signed.pk, "as_of": "2025-06-30", "value": value}
    )
    assert response.status_code == 422, response.content
    errors = _strict(response)["errors"]
    assert list(errors) == ["value"]
    assert any(words in message or "1000000000000000" in message for message in errors["value"])
    assert Report.objects.count() == 0


@pytest.mark.parametrize("raw", ["1e999", "-1e999", "Infinity", "NaN", "true", '"20"'])
def test_api_refuses_what_is_not_a_finite_number(c, raw):
    api = _api(c, "commerce-reporter")
    body = f'{{"target": {c.signed.pk}, "as_of": "2025-06-30", "value": {raw}}}'
    response = api.client.post(
        "/api/v1/reports",
        data=body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api.token}",
    )
    assert response.status_code == 422, response.content
    assert "value" in _strict(response)["errors"]
    assert Report.objects.count() == 0


def test_api_patch_refuses_a_negative_cumulative_value(c):
    report = actions.create_report(c.signed, c.commerce_reporter, as_of=date(2025, 6, 30), value=5)
    response = _api(c, "commerce-reporter").patch(
        f"/reports/{report.pk}", {"revision": report.revision, "value": -1}
    )
    assert response.status_code == 422
    assert _strict(response)["errors"]["value"] == ["A cumulative total cannot be negative."]
    report.refresh_from_db()
    assert report.value == 5


@pytest.mark.parametrize(
    ("kind_target", "value", "status"),
    [
        ("sales", -3.5, 201),  # growth may fall
        ("sales", -100, 201),
        ("sales", -100.5, 422),  # a volume does not fall by more than all of it
        ("hazards", 2, 201),
        ("hazards", 1.5, 422),  # items are counted
        ("hazards", -1, 422),
    ],
)
def test_api_checks_the_value_against_the_kind(c, kind_target, value, status):
    target = getattr(c, kind_target)
    reporter = "team-reporter" if kind_target == "hazards" else "housing-reporter"
    response = _api(c, reporter).post(
        "/reports", {"target": target.pk, "as_of": "2025-06-30", "value": value}
    )
    assert response.status_code == status, response.content
    assert Report.objects.count() == (1 if status == 201 else 0)


def test_api_never_writes_nan_or_infinity_even_for_a_row_stored_before_the_checks(c):
    """A reading of Infinity stored by an older version (一表通's 1e999) and approved."""
    report = actions.create_report(c.signed, c.commerce_reporter, as_of=date(2025, 6, 30), value=5)
    Report.objects.filter(pk=report.pk).update(value=math.inf, status="approved")
    api = _api(c, "supervisor")
    listed = _strict(api.get(f"/reports?target={c.signed.pk}"))
    assert listed["items"][0]["value"] is None
    status = _strict(api.get("/status?at=2025-07-15"))
    signed = next(e for e in status["evaluations"] if e["target"] == c.signed.pk)
    assert signed["actual"] == 1e15
    assert "inf" not in signed["reason"]


# --- the form -------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "words"), [("1e308", "10^15"), ("-5", "cannot be negative")])
def test_report_form_shows_a_field_error_and_saves_nothing(c, value, words):
    client = c.client("commerce-reporter")
    response = client.post(
        f"/targets/{c.signed.pk}/report/", {"as_of": "2025-06-30", "value": value}
    )
    assert response.status_code in (200, 400)
    errors = response.context["form"].errors
    assert any(words in message for message in errors["value"]), errors
    assert Report.objects.count() == 0


# --- 一表通 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "words"),
    [(-5, "A cumulative total cannot be negative."), (1e16, "between -10^15 and 10^15")],
)
def test_workbook_names_the_cell_of_a_bad_value_and_creates_nothing(c, value, words):
    reporter = c.client("commerce-reporter")
    content = wb.fill(wb.export(reporter, c.commerce, "2025-06"), {c.signed.pk: (value, None, "")})
    response = wb.post(reporter, c.commerce, "2025-06", content)
    assert response.status_code == 400
    listed = wb.problems(response)
    assert len(listed) == 1 and "column J" in listed[0] and words in listed[0], listed
    assert Report.objects.count() == 0
