"""The bulletin's figures are the status engine's: they equal GET /api/v1/status for the plan."""

from collections import Counter
from datetime import date

import pytest
from django.test import Client

from luoshi.api.auth import issue_token
from luoshi.bulletins import actions, figures
from luoshi.dashboards import signals, store
from luoshi.demo.synthetic import generate
from luoshi.orgs.models import User
from luoshi.plans.models import Plan

from .conftest import AT


def status_api(username: str, at: date, plan: int) -> list[dict]:
    token = issue_token(User.objects.get(username=username))[1]
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    items, cursor = [], None
    while True:
        url = f"/api/v1/status?at={at.isoformat()}&plan={plan}&limit=200"
        body = client.get(url + (f"&cursor={cursor}" if cursor else "")).json()
        items += body["evaluations"]
        cursor = body["next"]
        if cursor is None:
            return items


def assert_same_as_api(numbers: dict, items: list[dict]) -> None:
    states = Counter(item["state"] for item in items)
    assert numbers["total"] == len(items)
    assert numbers["by_state"] == {s: states.get(s, 0) for s in numbers["by_state"]}
    missing = [i for i in items if i["missing"] and not i["awaiting"]]
    assert numbers["missing"] == len(missing)
    assert numbers["awaiting"] == sum(1 for i in items if i["awaiting"])
    assert {line["target"] for line in numbers["missing_list"]} == {i["target"] for i in missing}
    red = {i["target"]: i["reason"] for i in items if i["state"] in ("behind", "overdue")}
    assert {line["target"]: line["reason"] for line in numbers["behind_list"]} == red


@pytest.mark.parametrize("at", [date(2025, 9, 30), date(2025, 8, 20)], ids=["stored", "on demand"])
def test_a_synthetic_citys_figures_equal_the_status_api(db, settings, at):
    settings.LUOSHI_TODAY = date(2025, 10, 15)
    generate(scale=1, fraction=0.02, seed=61, months=10)
    plan = Plan.objects.order_by("pk").first()
    numbers = figures.gather(plan, at)
    assert numbers["total"] > 20 and numbers["behind_list"] and numbers["missing_list"]
    assert_same_as_api(numbers, status_api("syn61-supervisor", at, plan.pk))


def test_the_persona_plans_figures_equal_the_status_api(figures_city):
    city = figures_city
    store.refresh()
    numbers = figures.gather(city.plan, AT)
    assert_same_as_api(numbers, status_api("supervisor", AT, city.plan.pk))
    assert numbers["by_state"]["behind"] == 2  # 签约项目 and 隐患
    assert {line["name"] for line in numbers["behind_list"]} == {"签约项目", "重大事故隐患动态清零"}


def test_units_are_ranked_by_their_share_on_track_or_done(figures_city):
    numbers = figures.gather(figures_city.plan, AT)
    ranking = [(u["name"], u["rank"], u["good"], u["total"]) for u in numbers["ranking"]]
    # 住建局: 销售面积 on track; 商务局: 签约项目 behind, 实施意见 lagging; 安全科: behind.
    assert ranking == [("市住建局", 1, 1, 1), ("市商务局", 2, 0, 2), ("住建安全科", 2, 0, 1)]


def test_the_change_is_counted_from_the_plans_last_issued_bulletin(figures_city):
    city = figures_city
    first = actions.draft_bulletin(city.plan, date(2025, 5, 31), city.supervisor)
    actions.issue_bulletin(first, city.supervisor, expected_revision=1)
    second = actions.draft_bulletin(city.plan, AT, city.supervisor)
    assert second.figures["previous"]["label"] == first.issue_label
    assert second.figures["previous"]["by_state"] == first.figures["by_state"]
    assert f"与上期（{first.issue_label}，截至2025年5月31日）相比" in second.sections["overview"]


def test_gathering_costs_the_same_queries_for_four_targets_or_forty(figures_city):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from luoshi.plans.models import Target

    city = figures_city

    def queries() -> int:
        signals.flush()  # the refresh the new targets queued, done before counting
        store.refresh()
        with CaptureQueriesContext(connection) as captured:
            figures.gather(city.plan, AT)
        return len(captured)

    few = queries()
    for i in range(36):
        Target.objects.create(
            plan=city.plan, unit=city.housing_team if i % 2 else city.commerce,
            name=f"目标{i}", kind="cumulative", value=10 + i, unit_label="个", cadence="month",
            start=date(2025, 1, 1), end=date(2025, 12, 31),
        )  # fmt: skip
    assert queries() == few
