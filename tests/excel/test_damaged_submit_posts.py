"""The 一表通 "submit all" posts through a form: a list with anything but row ids in it
(or none) submits nothing and says so. (More than 1000 fields is Django's own 400.)"""

# ruff: noqa: F811  (the fixture `c` is imported from test_workbook and used as an argument)

import pytest

from luoshi.reporting.models import Report
from tests.excel.test_workbook import c, export, fill, post  # noqa: F401

DAMAGED = {
    "none": lambda pk: [],
    "letters": lambda pk: [str(pk), "x"],
    "digit-lookalike": lambda pk: [str(pk), "²"],
    "huge": lambda pk: [str(pk), "9" * 5000],
    "negative": lambda pk: [str(pk), "-1"],
}


@pytest.mark.parametrize("name", list(DAMAGED))
def test_a_damaged_submit_all_submits_nothing_and_says_so(c, name):
    reporter = c.client("commerce-reporter")
    content = fill(export(reporter, c.commerce, "2025-06"), {c.signed.pk: (27, None, "")})
    (draft,) = post(reporter, c.commerce, "2025-06", content).context["created"]
    response = reporter.post(
        "/excel/workbook/submit/", {"report": DAMAGED[name](draft.pk)}, follow=True
    )
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert Report.objects.get(pk=draft.pk).status == "draft"
