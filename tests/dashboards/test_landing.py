"""Each role lands on its work: the home page is the cockpit, the queue or what is owed."""

from datetime import date

import pytest

from luoshi.reporting import actions


@pytest.fixture
def city(plan_city, settings):
    settings.LUOSHI_TODAY = date(2025, 7, 10)
    return plan_city


def _templates(response) -> set[str]:
    return {template.name for template in response.templates}


@pytest.mark.parametrize("persona", ["supervisor", "leader"])
def test_supervisor_and_leader_land_on_the_cockpit_of_the_whole_city(city, persona):
    home = city.client(persona).get("/")
    assert home.status_code == 200
    assert "dashboards/cockpit.html" in _templates(home)
    assert home.context["scope"] == city.city
    assert sum(item.count for item in home.context["states"]) == 4
    assert "data-queue-banner" not in home.content.decode()


def test_an_approver_lands_on_the_queue_count_above_the_subtrees_cockpit(city):
    report = actions.create_report(
        city.sales, city.housing_reporter, as_of=date(2025, 6, 30), value=3
    )
    actions.submit_report(report, city.housing_reporter)
    home = city.client("housing-approver").get("/")
    assert "dashboards/cockpit.html" in _templates(home)
    assert home.context["queue"] == 1
    assert 'data-queue-banner="1"' in home.content.decode()
    assert home.context["scope"] == city.housing
    assert sum(item.count for item in home.context["states"]) == 2  # sales and hazards


def test_an_approver_with_an_empty_queue_reads_that_nothing_waits_not_a_zero(city):
    home = city.client("housing-approver").get("/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    body = home.content.decode()
    assert home.context["queue"] == 0
    assert "份报告等待您审核" not in body and "打开待审核队列" not in body
    assert '<p class="text-body-secondary small luoshi-noprint" data-queue-banner="0">' in body
    assert "没有等待您审核的报告。" in body


def test_a_reporter_lands_on_what_is_owed_returned_and_drafted(city):
    returned = actions.create_report(
        city.signed, city.commerce_reporter, as_of=date(2025, 6, 30), value=20
    )
    actions.submit_report(returned, city.commerce_reporter)
    actions.return_report(returned, city.commerce_approver, reason="请附签约合同扫描件")
    home = city.client("commerce-reporter").get("/")
    body = home.content.decode()
    assert "dashboards/home_reporter.html" in _templates(home)
    assert [item.target for item in home.context["returned"]] == [city.signed]
    assert "请附签约合同扫描件" in body
    assert home.context["due"] == [] and home.context["drafts"] == []

    draft = actions.create_report(
        city.sales, city.housing_reporter, as_of=date(2025, 6, 30), value=3
    )
    home = city.client("housing-reporter").get("/")
    assert [item.report for item in home.context["drafts"]] == [draft]
    assert home.context["returned"] == []
    assert f'data-report="{draft.pk}"' in home.content.decode()
    # The team's zero target owes nothing to housing's reporter: another unit's work.
    assert all(item.target.unit == city.housing for item in home.context["due"])


def test_someone_without_a_role_gets_the_plain_home_page(city):
    home = city.client("outsider").get("/")
    assert "dashboards/home.html" in _templates(home)
