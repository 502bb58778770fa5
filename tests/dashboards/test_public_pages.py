"""A plan with more published targets than a page: the public page and the office's
publication page show 50 at a time, and saving one page of ticks leaves the others as
they were."""

from datetime import date

import pytest
from django.core.cache import cache

from luoshi.dashboards.actions import set_publication
from luoshi.dashboards.models import Publication
from luoshi.formtools import PAGE_SIZE
from luoshi.plans.models import Plan, Target

from .test_public import anonymous


@pytest.fixture
def big(plan_city, settings):
    settings.LUOSHI_TODAY = date(2025, 7, 10)
    cache.clear()
    c = plan_city
    Target.objects.bulk_create(
        Target(
            plan=c.plan,
            unit=c.commerce,
            name=f"招商项目{i:03d}",
            kind="cumulative",
            value=10,
            unit_label="个",
            start=date(2025, 1, 1),
            end=date(2025, 12, 31),
        )
        for i in range(PAGE_SIZE + 10)
    )
    yield c
    cache.clear()


def ids_in_order(c) -> list[int]:
    targets = c.plan.targets.filter(is_active=True).order_by("unit__path", "pk")
    return list(targets.values_list("pk", flat=True))


def test_the_public_page_of_a_big_plan_is_paged(big):
    set_publication(big.supervisor, big.plan, whole=True, target_ids=[])
    everything = ids_in_order(big)
    url = f"/public/plans/{big.plan.pk}/"
    first = anonymous().get(url)
    second = anonymous().get(url + "?page=2")
    assert [row["id"] for row in first.context["rows"]] == everything[:PAGE_SIZE]
    assert [row["id"] for row in second.context["rows"]] == everything[PAGE_SIZE:]
    assert 'rel="next"' in first.content.decode()
    assert 'rel="prev"' in second.content.decode()
    # Each page is cached on its own: page 2 is not page 1 from the cache.
    again = anonymous().get(url + "?page=2")
    assert [row["id"] for row in again.context["rows"]] == everything[PAGE_SIZE:]


def test_a_published_target_page_reads_its_own_row(big):
    target = big.plan.targets.get(name="招商项目007")
    set_publication(big.supervisor, big.plan, whole=False, target_ids=[target.pk])
    page = anonymous().get(f"/public/targets/{target.pk}/")
    assert page.status_code == 200 and page.context["row"]["id"] == target.pk


def test_saving_one_page_of_ticks_leaves_the_other_pages_alone(big):
    everything = ids_in_order(big)
    first_page, second_page = everything[:PAGE_SIZE], everything[PAGE_SIZE:]
    set_publication(big.supervisor, big.plan, whole=False, target_ids=first_page[:3])
    client = big.client("supervisor")
    url = f"/plans/{big.plan.pk}/public/"
    shown = client.get(url + "?page=2").context["targets"]
    assert [target.pk for target, _on in shown] == second_page
    # Page 2 posts its ids and ticks two of them: page 1's three stay published.
    answer = client.post(
        url + "?page=2", {"shown": second_page, "target": second_page[:2]}, follow=False
    )
    assert answer.status_code == 302 and answer["Location"].endswith("?page=2")
    published = set(
        Publication.objects.filter(is_active=True, target__isnull=False).values_list(
            "target_id", flat=True
        )
    )
    assert published == set(first_page[:3]) | set(second_page[:2])
    # Unticking everything on page 1 unpublishes page 1's only.
    client.post(url, {"shown": first_page})
    published = set(
        Publication.objects.filter(is_active=True, target__isnull=False).values_list(
            "target_id", flat=True
        )
    )
    assert published == set(second_page[:2])


def test_shown_ids_of_another_plan_change_nothing(big):
    other_plan = Plan.objects.create(
        title="2025年住建要点", start=date(2025, 1, 1), end=date(2025, 12, 31)
    )
    other = Target.objects.create(
        plan=other_plan,
        unit=big.housing,
        name="隐患整改",
        kind="zero",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
    )
    client = big.client("supervisor")
    client.post(f"/plans/{big.plan.pk}/public/", {"shown": [other.pk], "target": [other.pk]})
    assert not Publication.objects.filter(target=other).exists()
