"""Correcting an approved report, and approving ticked reports, by every persona (data).

The other reporting pages are in test_page_permissions.py. A correction is a new draft
version of an approved report: the report's own unit makes it; the office and the
leaders see the report but do not report for the unit (403); other units do not see it.
Approving from the queue: whoever may approve the ticked report is shown the
confirmation (200); anyone else is sent back to their queue (302) with nothing approved.
"""

from datetime import date

from django.db import transaction

from luoshi.reporting import actions
from tests.personas import PERSONAS

ANON = None
S, L, CA, CR, HA, HR, TR, OUT = PERSONAS[:-1]


def table(default, anonymous=302, **overrides):
    """Statuses for every persona: `default`, except the personas named in overrides."""
    names = {"S": S, "L": L, "CA": CA, "CR": CR, "HA": HA, "HR": HR, "TR": TR, "OUT": OUT}
    expected = {**dict.fromkeys(PERSONAS[:-1], default), ANON: anonymous}
    for short, status in overrides.items():
        expected[names[short]] = status
    return expected


# (name, method, path, data, expected statuses by persona)
TABLE = [
    (
        "correct an approved report",
        "post",
        "/reports/{approved}/correct/",
        {},
        table(404, S=403, L=403, CA=302, CR=302),
    ),
    (
        "approve a ticked report (first step)",
        "post",
        "/approvals/approve/",
        {"report": "{submitted}"},
        # A report one may not approve is no choice of BulkApproveForm: a 400, nothing shown.
        table(400, S=200, CA=200),
    ),
]


def test_correcting_and_approving_answer_every_persona_as_the_table_says(plan_city):
    c = plan_city
    approved = actions.create_report(
        c.signed, c.commerce_reporter, as_of=date(2025, 4, 30), value=9
    )
    actions.submit_report(approved, c.commerce_reporter)
    actions.approve_report(approved, c.commerce_approver)
    submitted = actions.create_report(
        c.signed, c.commerce_reporter, as_of=date(2025, 5, 31), value=12
    )
    actions.submit_report(submitted, c.commerce_reporter)
    ids = {"approved": approved.pk, "submitted": submitted.pk}
    wrong = []
    for name, method, template, data, expected in TABLE:
        assert set(expected) == set(PERSONAS), f"{name}: the table must name every persona"
        for persona in PERSONAS:
            client = c.client(persona)
            # Each correction is tried on the same approved report: roll it back afterwards.
            with transaction.atomic():
                body = {key: value.format(**ids) for key, value in data.items()}
                response = getattr(client, method)(template.format(**ids), body)
                transaction.set_rollback(True)
            if response.status_code != expected[persona]:
                wrong.append(f"{name} as {persona}: {response.status_code} != {expected[persona]}")
    assert not wrong, "\n".join(wrong)
