"""The ledger measure pages of a target × every persona → the status it must answer (data).

`signed` (市商务局) is read from the project ledger (a count); `sales` (市住建局) is
reported by hand. Binding is the supervision office's; the rows behind a figure are
shown to whoever sees the target (each row only if its unit is visible to them).
"""

from django.db import transaction

from luoshi.ledgers.measures import bind_measure
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


# The target's own unit sees it but may not bind it (403); other units do not see it (404).
HOUSING_OFFICE = table(404, S=200, L=403, HA=403, HR=403)
HOUSING_OFFICE_DONE = table(404, S=302, L=403, HA=403, HR=403)

# (name, method, path, data, expected statuses by persona)
TABLE = [
    ("measure form", "get", "/targets/{sales}/measure/", None, HOUSING_OFFICE),
    (
        "bind a measure",
        "post",
        "/targets/{sales}/measure/",
        {"source": "hazards", "aggregate": "count", "reason": "按台账计"},
        HOUSING_OFFICE_DONE,
    ),
    (
        "unbind",
        "post",
        "/targets/{signed}/measure/",
        {"unbind": "1", "reason": "改为手工填报"},
        table(404, S=302, L=403, CA=403, CR=403),
    ),
    (
        "rows behind the figure",
        "get",
        "/targets/{signed}/measure/rows/?at=2025-07-15",
        None,
        table(404, S=200, L=200, CA=200, CR=200),
    ),
]


def test_every_measure_page_answers_every_persona_as_the_table_says(ledger_city):
    c = ledger_city
    bind_measure(c.signed, c.supervisor, source="projects", aggregate="count")
    ids = {"signed": c.signed.pk, "sales": c.sales.pk}
    wrong = []
    for name, method, template, data, expected in TABLE:
        assert set(expected) == set(PERSONAS), f"{name}: the table must name every persona"
        for persona in PERSONAS:
            client = c.client(persona)
            # Each write is tried on the same starting data: roll it back afterwards.
            with transaction.atomic():
                if method == "post":
                    response = client.post(template.format(**ids), data)
                else:
                    response = client.get(template.format(**ids))
                transaction.set_rollback(True)
            if response.status_code != expected[persona]:
                wrong.append(f"{name} as {persona}: {response.status_code} != {expected[persona]}")
    assert not wrong, "\n".join(wrong)
