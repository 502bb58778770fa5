"""Posts to the unit and account buttons go through a form: a damaged or forged post
(an `active` that is not 0 or 1, an endless reason) is a 400 that changes nothing."""

import pytest

from luoshi.orgs.models import Membership, Unit, User

LONG = "理" * 201


def _unit_state(city):
    unit = Unit.objects.get(pk=city.commerce.pk)
    return unit.is_active, unit.history.count()


def _person_state(city):
    person = User.objects.get(pk=city.commerce_reporter.pk)
    return person.is_active, person.password, person.history.count()


@pytest.mark.parametrize(
    "data",
    [{}, {"active": "yes"}, {"active": "1" * 5000}, {"active": "0", "reason": LONG}],
    ids=["missing", "not-0-or-1", "huge", "reason-too-long"],
)
def test_a_damaged_unit_activation_post_is_a_400_and_changes_nothing(city, data):
    before = _unit_state(city)
    response = city.client("supervisor").post(f"/units/{city.commerce.pk}/active/", data)
    assert response.status_code == 400
    assert _unit_state(city) == before


@pytest.mark.parametrize(
    "data",
    [{}, {"active": "²"}, {"active": "0", "reason": LONG}],
    ids=["missing", "digit-lookalike", "reason-too-long"],
)
def test_a_damaged_account_activation_post_is_a_400_and_changes_nothing(city, data):
    before = _person_state(city)
    response = city.client("supervisor").post(f"/people/{city.commerce_reporter.pk}/active/", data)
    assert response.status_code == 400
    assert _person_state(city) == before


def test_a_password_reset_with_an_endless_reason_is_a_400_and_keeps_the_password(city):
    before = _person_state(city)
    response = city.client("supervisor").post(
        f"/people/{city.commerce_reporter.pk}/password/", {"reason": LONG}
    )
    assert response.status_code == 400
    assert _person_state(city) == before


def test_ending_a_role_with_an_endless_reason_is_a_400_and_keeps_the_role(city):
    role = city.team_reporter.memberships.get()
    response = city.client("supervisor").post(f"/roles/{role.pk}/end/", {"reason": LONG})
    assert response.status_code == 400
    assert Membership.objects.filter(pk=role.pk).exists()


def test_a_good_post_still_deactivates_with_its_reason(city):
    response = city.client("supervisor").post(
        f"/units/{city.commerce.pk}/active/", {"active": "0", "reason": "机构改革"}
    )
    assert response.status_code == 302
    unit = Unit.objects.get(pk=city.commerce.pk)
    assert not unit.is_active
    assert unit.history.first().history_change_reason == "机构改革"
