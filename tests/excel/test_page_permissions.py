"""Every Excel route tried by every persona; the expected answers are data."""

import pytest

from tests.personas import PERSONAS

ALL = dict.fromkeys(PERSONAS, 200) | {None: 302}
KEEPERS = {
    "supervisor": 200,
    "leader": 403,
    "commerce-approver": 200,
    "commerce-reporter": 200,
    "housing-approver": 200,
    "housing-reporter": 200,
    "team-reporter": 200,
    "outsider": 403,
    None: 302,
}
COMMERCE_REPORTERS = {
    "supervisor": 403,  # sees the unit, does not report for it
    "leader": 403,
    "commerce-approver": 200,
    "commerce-reporter": 200,
    "housing-approver": 404,  # cannot see 市商务局: missing and forbidden look the same
    "housing-reporter": 404,
    "team-reporter": 404,
    "outsider": 404,
    None: 302,
}

TABLE = [
    ("ledger-export", "/excel/ledger/hazards/export/", ALL),
    ("ledger-export", "/excel/ledger/projects/export/?dropped=all", ALL),
    ("ledger-import", "/excel/ledger/hazards/import/", KEEPERS),
    ("ledger-import", "/excel/ledger/projects/import/", KEEPERS),
    ("workbook-upload", "/excel/workbook/", ALL),
    (
        "workbook-export",
        "/excel/workbook/export/?unit={commerce}&period=2025-06",
        COMMERCE_REPORTERS,
    ),
    # "Submit all" is a POST (tested in test_workbook_page); a GET is refused.
    ("workbook-submit", "/excel/workbook/submit/", dict.fromkeys(PERSONAS, 405) | {None: 302}),
]


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_excel_route_answers_each_persona_as_the_table_says(plan_city, persona):
    client = plan_city.client(persona)
    wrong = []
    for name, template, expected in TABLE:
        response = client.get(template.format(commerce=plan_city.commerce.pk))
        if response.status_code != expected[persona]:
            wrong.append(f"{name} {template}: {response.status_code} != {expected[persona]}")
    assert not wrong, "\n".join(wrong)


def test_the_table_covers_every_excel_route():
    from luoshi.excel import urls

    assert {name for name, _t, _e in TABLE} == {p.name for p in urls.urlpatterns}
