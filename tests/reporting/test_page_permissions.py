"""Every plan and reporting page × every persona → the status it must answer (data, not code)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from luoshi.reporting import actions
from luoshi.reporting.evidence import add_evidence
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


COMMERCE_ONLY = table(404, S=200, L=200, CA=200, CR=200)
TABLE = [
    ("overview", "get", "/overview/", table(200)),
    ("workbench", "get", "/workbench/", table(200)),
    ("approval queue", "get", "/approvals/", table(200)),
    ("plan list", "get", "/plans/", table(200)),
    ("plan page", "get", "/plans/{plan}/", table(200, OUT=404)),
    ("plan rules", "get", "/plans/{plan}/rules/", table(403, S=200, OUT=404)),
    ("commerce target", "get", "/targets/{signed}/", COMMERCE_ONLY),
    ("sub-unit target", "get", "/targets/{hazards}/", table(404, S=200, L=200, HA=200, TR=200)),
    ("target edit", "get", "/targets/{signed}/edit/", table(404, S=200, L=403, CA=403, CR=403)),
    ("report form", "get", "/targets/{signed}/report/", table(404, S=403, L=403, CA=200, CR=200)),
    ("commerce draft", "get", "/reports/{draft}/", table(404, CA=200, CR=200)),
    ("submitted report", "get", "/reports/{submitted}/", COMMERCE_ONLY),
    ("evidence file", "get", "/evidence/{evidence}/", COMMERCE_ONLY),
    ("evidence shown inline", "get", "/evidence/{evidence}/view/", COMMERCE_ONLY),
    ("approve", "post", "/reports/{submitted}/approve/", table(404, S=302, L=403, CA=302, CR=403)),
    ("return", "post", "/reports/{submitted}/return/", table(404, S=302, L=403, CA=302, CR=403)),
    ("submit draft", "post", "/reports/{draft}/submit/", table(404, CA=302, CR=302)),
    ("edit draft", "post", "/reports/{draft}/", table(404, CA=302, CR=302)),
    ("new report", "post", "/targets/{signed}/report/", table(404, S=403, L=403, CA=302, CR=302)),
]


def test_every_page_answers_every_persona_as_the_table_says(plan_city):
    c = plan_city
    draft = actions.create_report(c.signed, c.commerce_reporter, as_of=c.signed.start, value=3)
    submitted = actions.create_report(c.signed, c.commerce_reporter, as_of=c.signed.start, value=4)
    upload = SimpleUploadedFile("scan.pdf", b"%PDF-1.4 evidence")
    evidence = add_evidence(submitted, c.commerce_reporter, upload)
    actions.submit_report(submitted, c.commerce_reporter)
    ids = {
        "plan": c.plan.pk,
        "signed": c.signed.pk,
        "hazards": c.hazards.pk,
        "draft": draft.pk,
        "submitted": submitted.pk,
        "evidence": evidence.pk,
    }
    # The revision is the draft's: editing needs it (reviews of `submitted` then meet a
    # conflict, which still answers with a redirect).
    post_data = {
        "reason": "请补充",
        "as_of": "2025-01-01",
        "value": "5",
        "revision": draft.revision,
    }
    wrong = []
    for name, method, template, expected in TABLE:
        for persona in PERSONAS:
            client = c.client(persona)
            # Each write is tried on the same starting data: roll it back afterwards.
            with transaction.atomic():
                if method == "post":
                    response = client.post(template.format(**ids), post_data)
                else:
                    response = client.get(template.format(**ids))
                transaction.set_rollback(True)
            if response.status_code != expected[persona]:
                wrong.append(f"{name} as {persona}: {response.status_code} != {expected[persona]}")
    assert not wrong, "\n".join(wrong)
