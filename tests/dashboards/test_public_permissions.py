"""The public pages answer everyone, signed in or not; choosing what is published is the
supervision office's (data, not code)."""

from django.core.cache import cache
from django.db import transaction

from luoshi.dashboards.actions import set_publication
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


TABLE = [
    ("public plans", "get", "/public/", table(200, anonymous=200)),
    ("public plan", "get", "/public/plans/{plan}/", table(200, anonymous=200)),
    ("public target", "get", "/public/targets/{sales}/", table(200, anonymous=200)),
    ("unpublished target", "get", "/public/targets/{signed}/", table(404, anonymous=404)),
    ("publication form", "get", "/plans/{plan}/public/", table(403, S=200, OUT=404)),
    ("publish", "post", "/plans/{plan}/public/", table(403, S=302, OUT=404)),
]


def test_every_public_page_answers_every_persona_as_the_table_says(plan_city):
    c = plan_city
    cache.clear()
    set_publication(c.supervisor, c.plan, whole=False, target_ids=[c.sales.pk])
    ids = {"plan": c.plan.pk, "sales": c.sales.pk, "signed": c.signed.pk}
    wrong = []
    for name, method, template, expected in TABLE:
        for persona in PERSONAS:
            with transaction.atomic():
                client = c.client(persona)
                url = template.format(**ids)
                data = {"target": [str(c.sales.pk)]}
                response = client.post(url, data) if method == "post" else client.get(url)
                transaction.set_rollback(True)
            if response.status_code != expected[persona]:
                wrong.append(f"{name} as {persona}: {response.status_code} != {expected[persona]}")
    cache.clear()
    assert not wrong, "\n".join(wrong)
