"""The units, people and plans lists are paged: none renders an unbounded list (issue 14)."""

from datetime import date

import pytest

from luoshi.formtools import PAGE_SIZE
from luoshi.orgs.choices import UnitKind
from luoshi.orgs.models import Unit, User
from luoshi.plans.models import Plan


def many_units(city, count: int) -> None:
    for i in range(count):
        unit = Unit(
            code=f"t-town-{i:03}",
            name=f"第{i}镇",
            short_name=f"{i}镇",
            kind=UnitKind.TOWN,
            parent=city.housing,
        )
        unit.save()


@pytest.mark.parametrize(
    ("url", "make", "listed"),
    [
        ("/units/", lambda c: many_units(c, PAGE_SIZE + 3), "units"),
        (
            "/people/",
            lambda c: User.objects.bulk_create(
                User(username=f"person{i:03}", full_name=f"人员{i}") for i in range(PAGE_SIZE)
            ),
            "people",
        ),
        (
            "/plans/",
            lambda c: Plan.objects.bulk_create(
                Plan(title=f"计划{i}", start=date(2024, 1, 1), end=date(2024, 12, 31))
                for i in range(PAGE_SIZE + 2)
            ),
            "plans",
        ),
    ],
)
def test_a_long_list_is_paged_and_the_pages_show_every_row_once(city, url, make, listed):
    make(city)
    client = city.client("supervisor")
    first = client.get(url)
    assert len(first.context[listed]) == PAGE_SIZE
    assert 'rel="next"' in first.content.decode()
    last = client.get(f"{url}?page=2")
    total = first.context["page"].paginator.count
    assert len(last.context[listed]) == total - PAGE_SIZE > 0
    pks = [row.pk for row in [*first.context[listed], *last.context[listed]]]
    assert len(set(pks)) == total
    assert client.get(f"{url}?page=x").context["page"].number == 1
    assert client.get(f"{url}?page=99").context["page"].number == 2


def test_the_unit_list_keeps_tree_order_across_pages(city):
    many_units(city, PAGE_SIZE + 3)
    client = city.client("supervisor")
    shown = [
        *client.get("/units/").context["units"],
        *client.get("/units/?page=2").context["units"],
    ]
    assert [u.path for u in shown] == sorted(u.path for u in shown)


def test_a_confirmed_plans_review_lists_its_first_targets_and_links_to_all(plan_city):
    from luoshi.plans.models import Target
    from luoshi.plans.views_import import TARGETS_SHOWN

    c = plan_city
    Target.objects.bulk_create(
        Target(
            plan=c.plan,
            unit=c.commerce,
            name=f"指标{i}",
            kind="zero",
            start=date(2025, 1, 1),
            end=date(2025, 12, 31),
        )
        for i in range(TARGETS_SHOWN)
    )
    page = c.client("supervisor").get(f"/plans/{c.plan.pk}/review/")
    assert len(page.context["targets"]) == TARGETS_SHOWN
    total = c.plan.targets.count()
    assert page.context["targets_total"] == total > TARGETS_SHOWN
    html = page.content.decode()
    assert f'href="/overview/?plan={c.plan.pk}"' in html and str(total) in html
