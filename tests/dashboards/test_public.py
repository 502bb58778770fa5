"""The public face (公开): only published targets of confirmed plans, only approved figures,
no narrative, evidence or names; cached briefly and forgotten when publishing changes."""

from datetime import date

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from luoshi.dashboards.actions import set_publication
from luoshi.dashboards.models import Publication
from luoshi.reporting import actions


@pytest.fixture
def city(plan_city, settings):
    settings.LUOSHI_TODAY = date(2025, 7, 10)
    cache.clear()
    yield plan_city
    cache.clear()


def anonymous():
    return Client(HTTP_ACCEPT_LANGUAGE="zh-hans")


def _report(c, value, *, approve=False, submit=False, narrative=""):
    report = actions.create_report(
        c.signed, c.commerce_reporter, as_of=date(2025, 6, 30), value=value, narrative=narrative
    )
    if submit or approve:
        actions.submit_report(report, c.commerce_reporter)
    if approve:
        actions.approve_report(report, c.commerce_approver)
    return report


def test_an_unpublished_plan_is_not_there(city):
    assert anonymous().get(f"/public/plans/{city.plan.pk}/").status_code == 404
    assert anonymous().get(f"/public/targets/{city.signed.pk}/").status_code == 404
    assert city.plan.title not in anonymous().get("/public/").content.decode()


def test_a_published_plan_shows_each_target_with_owner_state_and_approved_figure(city):
    set_publication(city.supervisor, city.plan, whole=True, target_ids=[])
    _report(city, 11, approve=True, narrative="内部说明：合同尚未盖章")
    page = anonymous().get(f"/public/plans/{city.plan.pk}/")
    assert page.status_code == 200
    rows = {row["id"]: row for row in page.context["rows"]}
    assert set(rows) == {city.signed.pk, city.policy.pk, city.sales.pk, city.hazards.pk}
    signed = rows[city.signed.pk]
    assert (signed["owner"], signed["value"], signed["as_of"]) == (
        "市商务局",
        11,
        date(2025, 6, 30),
    )
    assert signed["state"] == "behind"  # 11 of the 25 expected by the end of June
    body = page.content.decode()
    assert "内部说明" not in body
    assert city.plan.title in anonymous().get("/public/").content.decode()
    target = anonymous().get(f"/public/targets/{city.signed.pk}/")
    assert target.context["chart"]["actual"] == [("2025-06-30", 11)]
    assert target.context["chart"]["expected"]


def test_drafts_and_submitted_reports_never_appear(city):
    set_publication(city.supervisor, city.plan, whole=True, target_ids=[])
    _report(city, 11, approve=True)
    _report(city, 6173, submit=True, narrative="待审核的说明")
    _report(city, 9281, narrative="草稿说明")
    for url in (f"/public/plans/{city.plan.pk}/", f"/public/targets/{city.signed.pk}/"):
        body = anonymous().get(url).content.decode()
        assert "11" in body
        secrets = (
            "6173",
            "6,173",
            "9281",
            "9,281",
            "待审核的说明",
            "草稿说明",
            "commerce-reporter",
        )
        for secret in secrets:
            assert secret not in body, (url, secret)
    row = next(
        r
        for r in anonymous().get(f"/public/plans/{city.plan.pk}/").context["rows"]
        if r["id"] == city.signed.pk
    )
    assert row["value"] == 11


def test_only_the_published_targets_of_a_plan_appear(city):
    set_publication(city.supervisor, city.plan, whole=False, target_ids=[city.sales.pk])
    page = anonymous().get(f"/public/plans/{city.plan.pk}/")
    assert [row["id"] for row in page.context["rows"]] == [city.sales.pk]
    assert anonymous().get(f"/public/targets/{city.sales.pk}/").status_code == 200
    assert anonymous().get(f"/public/targets/{city.signed.pk}/").status_code == 404


def test_a_draft_plan_is_never_public(city):
    city.plan.status = "draft"
    city.plan.save()
    set_publication(city.supervisor, city.plan, whole=True, target_ids=[])
    assert anonymous().get(f"/public/plans/{city.plan.pk}/").status_code == 404
    assert anonymous().get(f"/public/targets/{city.signed.pk}/").status_code == 404


def test_unpublishing_takes_effect_at_once_despite_the_cache(city):
    set_publication(city.supervisor, city.plan, whole=True, target_ids=[])
    assert anonymous().get(f"/public/targets/{city.sales.pk}/").status_code == 200
    set_publication(city.supervisor, city.plan, whole=False, target_ids=[city.signed.pk])
    assert anonymous().get(f"/public/targets/{city.sales.pk}/").status_code == 404
    page = anonymous().get(f"/public/plans/{city.plan.pk}/")
    assert [row["id"] for row in page.context["rows"]] == [city.signed.pk]
    # The row is kept and marked, not deleted: its history says who changed it.
    whole = Publication.objects.get(plan=city.plan, target=None)
    assert not whole.is_active and whole.history.count() == 2


def test_the_page_is_cached_for_a_short_while(city):
    set_publication(city.supervisor, city.plan, whole=True, target_ids=[])
    url = f"/public/plans/{city.plan.pk}/"
    with CaptureQueriesContext(connection) as first:
        anonymous().get(url)
    with CaptureQueriesContext(connection) as second:
        anonymous().get(url)
    # The second answer looks the plan up and counts its published targets for the
    # pages; its rows, with their states and readings, come from the cache.
    assert len(first) > 2 and len(second) == 2

    def signed_value():
        rows = anonymous().get(url).context["rows"]
        return next(r["value"] for r in rows if r["id"] == city.signed.pk)

    _report(city, 11, approve=True)
    assert signed_value() is None  # a minute old at most
    cache.clear()  # the minute is over
    assert signed_value() == 11


def test_only_the_supervision_office_publishes(city):
    with pytest.raises(PermissionDenied):
        set_publication(city.leader, city.plan, whole=True, target_ids=[])
    response = city.client("supervisor").post(
        f"/plans/{city.plan.pk}/public/", {"whole": "on", "target": ["x", "999999"]}
    )
    assert response.status_code == 302
    assert list(Publication.objects.values_list("target_id", "is_active")) == [(None, True)]
