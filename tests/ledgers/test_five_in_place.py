"""Hazards: 五落实 before a major hazard is rectified, 发现人 prefilled, hints only for who needs them."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from luoshi.ledgers import actions
from luoshi.ledgers.models import Hazard


def _move(c, hazard, status, client="team-reporter", **extra):
    return c.client(client).post(
        f"/ledgers/hazards/{hazard.pk}/move/", {"status": status, "date": "2025-07-15", **extra}
    )


def test_a_major_hazard_without_its_five_in_place_cannot_be_rectified(ledger_city):
    c = ledger_city
    actions.update_hazard(c.major, c.team_reporter, "测试", funds=None, contingency_plan="")
    with pytest.raises(ValidationError) as refused:
        actions.move_hazard(c.major, c.team_reporter, status="rectified", on=date(2025, 7, 15))
    assert "资金" in str(refused.value) or "funds" in str(refused.value)
    response = _move(c, c.major, "rectified")
    assert response.status_code == 200
    page = response.content.decode()
    assert "五落实" in page and "应急预案" in page
    c.major.refresh_from_db()
    assert c.major.status == "open" and c.major.events.count() == 1


def test_with_all_five_in_place_it_is_rectified(ledger_city):
    c = ledger_city
    assert _move(c, c.major, "rectified").status_code == 302
    assert Hazard.objects.get(pk=c.major.pk).status == "rectified"


def test_an_ordinary_hazard_needs_no_five_in_place(ledger_city):
    c = ledger_city
    actions.update_hazard(c.hazard, c.team_reporter, "测试", measures="")
    assert _move(c, c.hazard, "rectified").status_code == 302


def test_the_new_hazard_form_names_the_person_as_finder(ledger_city):
    c = ledger_city
    c.team_reporter.full_name = "王工"
    c.team_reporter.save()
    form = c.client("team-reporter").get("/ledgers/hazards/new/").context["form"]
    assert form["found_by"].value() == "王工"


def test_the_reopen_hint_shows_only_to_who_may_reopen(ledger_city):
    c = ledger_city
    hint = "重新打开时必填"
    unit = c.client("team-reporter").get(f"/ledgers/hazards/{c.hazard.pk}/move/")
    assert hint not in unit.content.decode()
    rectified = c.housing_hazard  # awaiting verification: the supervisor may close or reopen
    office = c.client("supervisor").get(f"/ledgers/hazards/{rectified.pk}/move/")
    assert hint in office.content.decode()
